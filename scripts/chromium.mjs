// Debian's Chromium (`apt-get install chromium`), as every script that drives one starts it:
// nothing is downloaded, and nothing runs in the background that could reach the network.

/** Where Chromium is: `CHROME_PATH`, else Debian's. */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The flags every headless run uses (`--no-sandbox`: CI runs as root). */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Pages under test reach loopback only: any other name or address fails at once, never looked up.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
