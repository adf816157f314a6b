#!/usr/bin/env node
/**
 * Opens every story of the static Storybook (`npm run build-storybook` first) in Debian's Chromium
 * and fails on a story that does not render, on any console error or uncaught exception, on any
 * request that leaves this machine, and on any axe violation.
 *
 *   npm run test-storybook                  every story
 *   npm run test-storybook -- news-ticker   stories whose id contains "news-ticker"
 *
 * STORYBOOK_TEST_WORKERS (default 2) stories run at once; CHROMIUM_PATH overrides /usr/bin/chromium.
 *
 * Story tags: `feed-error` stories show a feed failing on purpose, so the error the element logs
 * (`[feedlets] …`) and the browser's 404 line are expected, and required; `reduced-motion` stories
 * run with `prefers-reduced-motion: reduce`.
 */
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve('storybook-static');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STORY_TIMEOUT = 30_000;
const QUIET_MS = 300;
const TOTAL_TIMEOUT = 20 * 60_000;
const WORKERS = Math.max(1, Number(process.env.STORYBOOK_TEST_WORKERS) || 2);

/**
 * Rules left out of the axe run. `region` wants all content inside landmarks: a story shows one
 * widget, and landmarks are the host page's job (Storybook's a11y addon leaves it out too).
 */
const RULES_OFF = ['region'];

/**
 * Per-story exceptions: story id → { rules: [...], reason: '…' }. Each needs a reason a reviewer
 * accepts; none is needed today.
 */
const SKIP = {};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

function serve(root) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const inside = file === root || file.startsWith(root + sep);
    const info = inside ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** The dev build of Lit warns on every page and is slower: the static build must not carry it. */
async function litInDevMode() {
  const assets = join(ROOT, 'assets');
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js') && (await readFile(join(assets, name), 'utf8')).includes('Lit is in dev mode')) return name;
  }
  return undefined;
}

/** Records Storybook's render events from the moment its channel exists. */
function recordStoryEvents() {
  const events = [];
  const hooked = new WeakSet();
  let channel;
  Object.defineProperty(window, '__storyEvents', { value: events });
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      if (!value || hooked.has(value)) return;
      hooked.add(value);
      for (const name of ['storyRendered', 'storyFinished', 'storyErrored', 'storyThrewException', 'storyMissing']) {
        value.on(name, (detail) => events.push({ name, detail: JSON.parse(JSON.stringify(detail ?? null)) }));
      }
    },
  });
}

/** Waits for every Lit element in the story, in light and shadow DOM, to finish updating. */
function settleElements() {
  const collect = (root, found = []) => {
    for (const element of root.querySelectorAll('*')) {
      if ('updateComplete' in element) found.push(element);
      if (element.shadowRoot) collect(element.shadowRoot, found);
    }
    return found;
  };
  const root = document.querySelector('#storybook-root');
  return (async () => {
    for (let round = 0; round < 3; round++) {
      await Promise.all(collect(root).map((element) => element.updateComplete));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    return root.childElementCount;
  })();
}

async function runAxe(rulesOff) {
  const rules = Object.fromEntries(rulesOff.map((id) => [id, { enabled: false }]));
  const { violations } = await window.axe.run('#storybook-root', { rules, resultTypes: ['violations'] });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, " ")}]` : ""}`).slice(0, 3).join(", ")}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function testStory(browser, origin, story) {
  const tags = story.tags ?? [];
  const expectsFeedError = tags.includes('feed-error');
  const context = await browser.newContext({
    reducedMotion: tags.includes('reduced-motion') ? 'reduce' : 'no-preference',
    viewport: { width: 1024, height: 768 },
  });
  const problems = [];
  const feedErrors = [];
  try {
    await context.addInitScript(recordStoryEvents);
    let inFlight = 0;
    let lastActivity = Date.now();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      problems.push(`request left the machine: ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', () => {
      inFlight++;
      lastActivity = Date.now();
    });
    const finished = () => {
      inFlight--;
      lastActivity = Date.now();
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text().split('\n')[0];
      if (expectsFeedError && text.startsWith('[feedlets]')) feedErrors.push(text);
      else if (expectsFeedError && /status of 404/.test(text)) return;
      else problems.push(`console error: ${text}`);
    });

    // The a11y addon's own axe pass is switched off (a11y.manual): the run below replaces it.
    const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`;
    await page.goto(url, { timeout: STORY_TIMEOUT });
    await page.waitForFunction(
      () => window.__storyEvents.some((e) => /^story(Finished|Errored|ThrewException|Missing)$/.test(e.name)),
      null,
      { timeout: STORY_TIMEOUT },
    );
    const events = await page.evaluate(() => window.__storyEvents);
    const failure = events.find((e) => /^story(Errored|ThrewException|Missing)$/.test(e.name));
    if (failure) throw new Error(`${failure.name}: ${JSON.stringify(failure.detail).slice(0, 300)}`);
    if (!events.some((e) => e.name === 'storyRendered')) throw new Error('Storybook never reported the story rendered');

    // Feeds arrive after the first render: wait until the page has stopped fetching.
    const quietBy = Date.now() + STORY_TIMEOUT;
    while (inFlight > 0 || Date.now() - lastActivity < QUIET_MS) {
      if (Date.now() > quietBy) throw new Error(`${inFlight} request(s) still open after ${STORY_TIMEOUT / 1000} s`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const rendered = await withTimeout(page.evaluate(settleElements), STORY_TIMEOUT, 'updateComplete');
    if (!rendered) problems.push('#storybook-root is empty');

    await page.addScriptTag({ content: AXE_SOURCE });
    const skip = SKIP[story.id]?.rules ?? [];
    const violations = await withTimeout(page.evaluate(runAxe, [...RULES_OFF, ...skip]), STORY_TIMEOUT, 'axe');
    problems.push(...violations.map((v) => `axe: ${v}`));
    if (expectsFeedError && !feedErrors.length) problems.push('tagged feed-error, but no [feedlets] error was logged');
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
  } finally {
    await context.close().catch(() => {});
  }
  return problems;
}

async function main() {
  const filters = process.argv.slice(2);
  const index = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8').catch(() => {
    throw new Error(`${ROOT}/index.json not found: run \`npm run build-storybook\` first`);
  }));
  const stories = Object.values(index.entries).filter(
    (entry) => entry.type === 'story' && (!filters.length || filters.some((f) => entry.id.includes(f))),
  );
  let passed = 0;
  let failed = 0;

  const devMode = await litInDevMode();
  if (devMode) {
    failed++;
    console.log(`✗ static build: Lit runs in dev mode (${devMode})`);
  }

  const server = await serve(ROOT);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 30_000,
  });
  const stop = async () => {
    await browser.close().catch(() => {});
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  const watchdog = setTimeout(() => {
    console.log(`✗ gave up after ${TOTAL_TIMEOUT / 60_000} minutes`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    void stop().then(() => process.exit(1));
  }, TOTAL_TIMEOUT);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stop().then(() => process.exit(130)));

  // WORKERS stories at a time, each in its own browser context (fresh storage, fresh feed cache).
  const queue = [...stories];
  const worker = async () => {
    for (let story = queue.shift(); story; story = queue.shift()) {
      const started = Date.now();
      const problems = await testStory(browser, origin, story);
      const time = `${((Date.now() - started) / 1000).toFixed(1)} s`;
      if (problems.length) {
        failed++;
        console.log([`✗ ${story.id} (${time})`, ...problems.map((problem) => `    ${problem}`)].join('\n'));
      } else {
        passed++;
        const note = SKIP[story.id] ? ` [axe skips ${SKIP[story.id].rules.join(', ')}: ${SKIP[story.id].reason}]` : '';
        console.log(`✓ ${story.id} (${time})${note}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: WORKERS }, worker));
  } finally {
    clearTimeout(watchdog);
    await stop();
  }
  if (!stories.length) {
    failed++;
    console.log(`✗ no stories${filters.length ? ` match ${filters.join(', ')}` : ''}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
