// Tests drive the system's browsers (Debian's Chromium and Firefox ESR, see scripts/chromium.mjs),
// so `npm install` never downloads one: Puppeteer reads this file instead of an environment variable.
module.exports = { skipDownload: true };
