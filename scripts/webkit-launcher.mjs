// Hand-written because WebdriverIO starts drivers for Chrome, Firefox, Edge and Safari only, and Playwright's WebKit is a download.
// WebKit for web-test-runner: WebKitGTK's MiniBrowser (the engine behind Safari), driven through
// Debian's WebKitWebDriver, which this launcher starts under a virtual X display and stops again.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { Key } from 'webdriverio';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A port the kernel has just handed out on loopback, free for the driver to take. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the driver answers /status; rejects at once if it exits first. */
function ready(driver, port) {
  return new Promise((resolve, reject) => {
    let up = false;
    driver.once(
      'exit',
      (code) => up || reject(new Error(`WebKitWebDriver exited (${code}) before it answered on port ${port}.`)),
    );
    const ask = () =>
      fetch(`http://127.0.0.1:${port}/status`).then(
        () => resolve((up = true)),
        () => driver.exitCode === null && setTimeout(ask, 100),
      );
    ask();
  });
}

// The launchers in this process start their drivers one after another (see initialize).
let starting = Promise.resolve();

// WebDriver key codes for the names web-test-runner's sendKeys takes (Puppeteer's names).
const KEYS = { ...Key, Space: ' ', Meta: Key.Command };
const key = (name) => KEYS[name] ?? name;

/**
 * One MiniBrowser session per driver process, so test files run one after another in one window.
 * WebKitGTK takes prefers-reduced-motion from GTK's `gtk-enable-animations` setting, so each
 * driver gets a GTK settings file of its own: reduced motion on for that group, off for the rest,
 * whatever the machine's own desktop settings say.
 */
class WebKitLauncher extends WebdriverLauncher {
  concurrency = 1;
  #reducedMotion;
  #driver;
  #home;
  #window;
  /** Proxy variables for the driver and the browser it starts (scripts/network-guard.mjs). */
  #proxyEnv;

  constructor({ reducedMotion = false, binary = process.env.MINIBROWSER_PATH ?? MINIBROWSER, proxyEnv = {} } = {}) {
    super({
      hostname: '127.0.0.1',
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // Plain WebDriver: WebKitGTK 2.50's BiDi is partial, and nothing here needs it.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      },
    });
    this.#reducedMotion = reducedMotion;
    this.#proxyEnv = proxyEnv;
  }

  async initialize(config, testFiles) {
    // `xvfb-run -a` takes the first display without a lock file: two started at once can share one,
    // and then a window hidden behind the other gets no animation frames. One driver at a time.
    const turn = starting.then(() => this.#start());
    starting = turn.catch(() => {});
    await turn;
    const { name } = this;
    // The webdriver launcher picks one window per file (not iframes) only when concurrency is 1.
    await super.initialize({ ...config, concurrency: 1 }, testFiles);
    this.name = name;
    // web-test-runner asks its own command plugins first, and theirs refuse WebDriver for key
    // holds and viewports: put the commands WebKit can do in front of them.
    if (!config.plugins.includes(webkitCommands)) config.plugins.unshift(webkitCommands);
  }

  async #start() {
    this.#home = await mkdtemp(join(tmpdir(), 'feedlets-webkit-'));
    await mkdir(join(this.#home, 'gtk-3.0'));
    await writeFile(
      join(this.#home, 'gtk-3.0', 'settings.ini'),
      `[Settings]\ngtk-enable-animations=${!this.#reducedMotion}\n`,
    );
    const port = await freePort();
    this.#driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {
      detached: true, // its own process group: Xvfb, the driver and MiniBrowser stop together
      stdio: 'ignore',
      env: { ...process.env, ...this.#proxyEnv, XDG_CONFIG_HOME: this.#home },
    });
    await ready(this.#driver, port);
    this.options.port = port;
  }

  async stopSession(id) {
    const result = await super.stopSession(id);
    // A viewport set by one file is not left to the next, which runs in the same window.
    if (this.#window) await this.driver.setWindowRect(null, null, this.#window.width, this.#window.height);
    this.#window = undefined;
    await this.driver.releaseActions();
    return result;
  }

  async stop() {
    await super.stop();
    if (this.#driver && this.#driver.exitCode === null) {
      const exited = new Promise((resolve) => this.#driver.once('exit', resolve));
      process.kill(-this.#driver.pid, 'SIGTERM');
      await exited;
    }
    if (this.#home) await rm(this.#home, { recursive: true, force: true });
  }

  /** Sizes the window so that the page's viewport is `width` × `height`. */
  async setViewport({ width, height }) {
    const [innerWidth, innerHeight, outerWidth, outerHeight] = await this.driver.execute(
      'return [innerWidth, innerHeight, outerWidth, outerHeight]',
    );
    this.#window ??= { width: outerWidth, height: outerHeight };
    await this.driver.setWindowRect(null, null, width + outerWidth - innerWidth, height + outerHeight - innerHeight);
  }

  /** web-test-runner's sendKeys payloads as WebDriver key actions, one key after another. */
  async sendKeyActions(payload) {
    const actions = [];
    if (payload.type !== undefined)
      for (const char of payload.type) actions.push({ type: 'keyDown', value: char }, { type: 'keyUp', value: char });
    if (payload.press !== undefined)
      actions.push({ type: 'keyDown', value: key(payload.press) }, { type: 'keyUp', value: key(payload.press) });
    if (payload.down !== undefined) actions.push({ type: 'keyDown', value: key(payload.down) });
    if (payload.up !== undefined) actions.push({ type: 'keyUp', value: key(payload.up) });
    // One input source id for every call, so a key held down by one call still holds for the next.
    await this.driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
  }
}

/** The web-test-runner commands WebKit sessions answer here: sendKeys (all of it) and setViewport. */
const webkitCommands = {
  name: 'webkit-commands',
  async executeCommand({ command, payload, session }) {
    if (!(session.browser instanceof WebKitLauncher)) return undefined;
    if (command === 'send-keys') return session.browser.sendKeyActions(payload).then(() => true);
    if (command === 'set-viewport') return session.browser.setViewport(payload).then(() => true);
    return undefined;
  },
};

/** A web-test-runner browser launcher for WebKit; `reducedMotion` makes it prefer reduced motion. */
export const webkitLauncher = (options) => new WebKitLauncher(options);
