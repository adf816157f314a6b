import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../scripts/chromium.mjs';

const IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>';
const INSTRUMENT = fileURLToPath(new URL('../pages/lib/instrument.js', import.meta.url));

const exited = (child, ms) =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done(true);
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => (clearTimeout(timer), done(true)));
  });

/**
 * Starts Chromium and connects Playwright over CDP. Not `chromium.launch()`: Playwright turns on
 * focus emulation for every page it launches, which keeps a page "visible" even behind another
 * tab. Connected with `noDefaults`, pages of the browser's default context behave as in a real
 * browser, so the ticker can be measured in a tab that is really hidden.
 */
export async function launchBrowser({ executablePath, timeout = 30_000 }) {
  const profile = await mkdtemp(join(tmpdir(), 'feedlets-bench-'));
  // Its own process group, so closing takes Chromium's helper processes with it.
  const child = spawn(
    executablePath,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  let browser;
  const close = async () => {
    // Ask Chromium to quit; signal its process group only if it does not.
    await browser
      ?.newBrowserCDPSession()
      .then((session) => session.send('Browser.close'))
      .catch(() => {});
    if (!(await exited(child, 5000))) {
      process.kill(-child.pid, 'SIGTERM');
      if (!(await exited(child, 5000))) process.kill(-child.pid, 'SIGKILL');
      await exited(child, 5000);
    }
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  try {
    const endpoint = await new Promise((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`${executablePath} did not start within ${timeout / 1000} s`)),
        timeout,
      );
      child.once('error', (error) => (clearTimeout(timer), fail(error)));
      child.once(
        'exit',
        (code) => (clearTimeout(timer), fail(new Error(`${executablePath} exited (${code}): ${stderr.slice(-500)}`))),
      );
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          done(match[1]);
        }
      });
    });
    child.stderr.removeAllListeners('data').resume();
    browser = await chromium.connectOverCDP(endpoint, { noDefaults: true, isLocal: true, timeout });
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, version: browser.version(), defaultContext: browser.contexts()[0], close };
}

/**
 * Opens `url` in a fresh browser context (its own storage and cache, with Playwright's focus
 * emulation so it stays visible), runs `work(page, cdp)`, and always closes the context.
 * `instrument` injects the probe that counts timers, fetches and listeners before any page script.
 */
export async function withPage(browser, url, work, { instrument = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // The feeds' images and avatars exist, as on a real site. Offline they would fail, and a card
    // that drops a broken image changes its DOM whenever the failure arrives, refresh or not.
    await context.route('https://news.example/**', (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: IMAGE }),
    );
    if (instrument) await context.addInitScript({ path: INSTRUMENT });
    const page = await context.newPage();
    return await drive(page, url, (cdp) => work(page, cdp));
  } finally {
    await context.close();
  }
}

/** Loads `url` in `page`, waits for its `bench` object and fails on any page error. */
export async function drive(page, url, work) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.text().includes('Lit is in dev mode')) errors.push('Lit runs in dev mode');
  });
  page.setDefaultTimeout(30_000);
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'bench' in globalThis);
    const result = await work(cdp);
    if (errors.length) throw new Error(`page error: ${errors.join('; ')}`);
    return result;
  } catch (error) {
    if (errors.length) error.message += ` (page errors: ${errors.join('; ')})`;
    throw error;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Calls `bench[method](...args)` in the page. */
export const call = (page, method, ...args) =>
  page.evaluate(([name, list]) => globalThis.bench[name](...list), [method, args]);

/** Collects garbage twice (the second pass frees what finalisers released) and returns the JS heap in use. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Listeners registered on `window` and on `document`, as DevTools sees them. */
export async function windowListeners(cdp) {
  let count = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'bench' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    count += listeners.length;
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  return count;
}

/** How many objects in the heap have the prototype `expression` evaluates to (after a GC, the live ones). */
export async function liveObjects(cdp, expression) {
  const group = { objectGroup: 'bench' };
  try {
    const { result: prototype } = await cdp.send('Runtime.evaluate', { expression, ...group });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId, ...group });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return result.value;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', group);
  }
}

/** Renderer counters (`Performance.getMetrics`) by name. */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
