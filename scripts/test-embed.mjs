// Hand-written because these steps are the test itself: Vite builds and serves the pages, Playwright
// drives Chromium.
// The site owner's first five minutes, automated: the built script-tag files on plain HTML pages
// (demo/embed.html, demo/embed-classic.html, demo/embed-loader.html) under a strict
// Content-Security-Policy, served by `vite preview` as `npm run preview` does. Needs `npm run build` first.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';

const configFile = 'vite.demo.config.ts';
const failures = [];
const check = (name, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? ` (${detail})` : ''}`);
  if (!ok) failures.push(name);
};

await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_FLAGS,
});

const TAGS = ['news-ticker', 'news-cards', 'news-categories', 'news-reviews'];

/** Each widget's state: 'ready' once it shows content of its own, else what it shows. */
const states = (page) =>
  page.evaluate((tags) => {
    const state = (tag) => {
      const el = document.querySelector(tag);
      if (!el?.shadowRoot) return 'not upgraded';
      if (el.shadowRoot.querySelector('[part~="error"]')) return 'error';
      const busy = el.shadowRoot.querySelector('[aria-busy="true"]');
      return busy ? 'loading' : 'ready';
    };
    return Object.fromEntries(tags.map((tag) => [tag, state(tag)]));
  }, TAGS);

async function rendered(page) {
  const deadline = Date.now() + 15000;
  let seen = await states(page);
  while (Object.values(seen).some((s) => s !== 'ready') && Date.now() < deadline) {
    await page.waitForTimeout(200);
    seen = await states(page);
  }
  return seen;
}

const firstHeadline = JSON.parse(readFileSync('demo/feeds/news.json', 'utf8')).items[0].title;

try {
  for (const file of ['embed.html', 'embed-classic.html']) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${base}/${file}`);
    const seen = await rendered(page);
    check(
      `${file}: all four widgets render from attributes alone`,
      Object.values(seen).every((s) => s === 'ready'),
      JSON.stringify(seen),
    );
    const headline = await page.evaluate(() => document.querySelector('news-ticker').shadowRoot.textContent);
    check(
      `${file}: the ticker shows the sample feed's first headline`,
      headline.includes(firstHeadline),
      firstHeadline,
    );

    // Loading the library again, in the other format, must do no harm.
    const other = file === 'embed.html' ? '/dist/feedlets.iife.js' : '/dist/feedlets.js';
    await page.addScriptTag(file === 'embed.html' ? { url: other } : { url: other, type: 'module' });
    await page.addScriptTag(
      file === 'embed.html' ? { url: '/dist/feedlets.js', type: 'module' } : { url: '/dist/feedlets.iife.js' },
    );
    await page.evaluate(() => {
      const again = document.createElement('news-ticker');
      again.setAttribute('src', 'feeds/news.json');
      document.body.append(again);
    });
    await page
      .waitForFunction(
        (title) => document.querySelectorAll('news-ticker')[1]?.shadowRoot?.textContent?.includes(title),
        firstHeadline,
        { timeout: 5000 },
      )
      .catch(() => {});
    check(`${file}: loading the script again (both formats) does no harm`, errors.length === 0, errors.join(' | '));
    const violations = await page.evaluate(() => window.violations);
    check(`${file}: no Content-Security-Policy violation`, violations.length === 0, violations.join(' | '));
    check(`${file}: no console error`, errors.length === 0, errors.join(' | '));
    await page.close();
  }

  await loaderPage();
} finally {
  await browser.close();
  await new Promise((done) => server.httpServer.close(done));
}

/**
 * dist/loader.js on a page of one ticker: it fetches only the ticker's chunks, defines elements added
 * later and inside a shadow root the page makes, imports the RSS/Atom reader on the first XML feed
 * only, adds no global, and does no harm when loaded twice.
 */
async function loaderPage() {
  const file = 'embed-loader.html';
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const served = [];
  page.on('request', (request) => request.resourceType() === 'script' && served.push(new URL(request.url()).pathname));
  await page.addInitScript(() => {
    window.violations = [];
    window.globalsBefore = Object.getOwnPropertyNames(window);
    document.addEventListener('securitypolicyviolation', (e) =>
      window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
    );
  });
  // Scripts the page fetched, by the Resource Timing API, without their content hashes.
  const fetched = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'script' || /\.js(?:\?|$)/.test(entry.name))
        .map((entry) => new URL(entry.name).pathname.replace(/-[\w-]{8}\.js$/, '.js'))
        .sort(),
    );
  const shows = (selector, text) =>
    page
      .waitForFunction(
        ([selector, text]) =>
          [...document.querySelectorAll(selector)].some((el) => el.shadowRoot?.textContent?.includes(text)),
        [selector, text],
        { timeout: 15000 },
      )
      .then(
        () => true,
        () => false,
      );

  await page.goto(`${base}/${file}`);
  check(`${file}: the ticker renders the sample feed through the loader`, await shows('news-ticker', firstHeadline));
  // Lit and the shared core are a chunk each; the ticker shows no dates, so no dates chunk.
  const tickerPage = [
    '/dist/lazy/base.js',
    '/dist/lazy/feed.js',
    '/dist/lazy/lit.js',
    '/dist/lazy/news-ticker.js',
    '/dist/loader.js',
  ];
  const first = await fetched();
  check(
    `${file}: a ticker page fetches the loader and the ticker's chunks only`,
    JSON.stringify(first) === JSON.stringify(tickerPage),
    first.join(', '),
  );
  check(`${file}: the served-request log agrees`, served.length === tickerPage.length, served.join(', '));
  const added = await page.evaluate(() => {
    const known = new Set([...window.globalsBefore, 'globalsBefore', 'violations']);
    const lit = /^(?:litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata)$/;
    return Object.getOwnPropertyNames(window).filter((name) => !known.has(name) && !lit.test(name));
  });
  check(
    `${file}: no new global (but Lit's own: its version lists and property metadata)`,
    added.length === 0,
    added.join(', '),
  );

  await page.evaluate(() => {
    const cards = document.createElement('news-cards');
    cards.setAttribute('src', 'feeds/news.json');
    cards.setAttribute('limit', '3');
    document.querySelector('main').append(cards);
  });
  check(`${file}: an element added later is defined and renders`, await shows('news-cards', firstHeadline));
  const withCards = await fetched();
  check(
    `${file}: ...and fetches its chunks then (with the dates the ticker did not need)`,
    ['/dist/lazy/news-cards.js', '/dist/lazy/news-card.js', '/dist/lazy/dates.js'].every((chunk) =>
      withCards.includes(chunk),
    ),
    withCards.join(', '),
  );

  // <news-reviews> brings Lit's `live` directive in its own chunk, which reaches into the lit chunk.
  await page.evaluate(() => {
    const reviews = document.createElement('news-reviews');
    reviews.setAttribute('src', '/api/reviews.json');
    reviews.setAttribute('action', '/api/reviews');
    reviews.setAttribute('item', 'tag:news.example,2023-12-21:karabakh');
    document.querySelector('main').append(reviews);
  });
  const reviewsReady = await page
    .waitForFunction(() => document.querySelector('main > news-reviews')?.shadowRoot?.querySelector('textarea'), null, {
      timeout: 15000,
    })
    .then(
      () => true,
      () => false,
    );
  check(`${file}: <news-reviews> added later is defined and shows its form`, reviewsReady);
  check(`${file}: ...from its own chunk`, (await fetched()).includes('/dist/lazy/news-reviews.js'));

  await page.evaluate(() => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<news-categories src="feeds/news.json" limit="2"></news-categories>';
    document.querySelector('main').append(host);
  });
  const inShadow = await page
    .waitForFunction(
      () =>
        document
          .querySelector('main > div')
          ?.shadowRoot?.querySelector('news-categories')
          ?.shadowRoot?.querySelector('[aria-busy="false"]'),
      null,
      { timeout: 15000 },
    )
    .then(
      () => true,
      () => false,
    );
  check(`${file}: an element inside a shadow root the page creates is defined and renders`, inShadow);

  check(`${file}: no RSS/Atom reader before an XML feed`, !(await fetched()).includes('/dist/lazy/parse-xml.js'));
  await page.evaluate(() => {
    const rss = document.createElement('news-ticker');
    rss.setAttribute('src', 'feeds/news.rss');
    document.querySelector('main').append(rss);
  });
  check(
    `${file}: an RSS feed renders`,
    await shows('news-ticker[src="feeds/news.rss"]', 'Manat rate unchanged at 1.70 per US dollar'),
  );
  check(`${file}: ...and the RSS/Atom reader is fetched for it`, (await fetched()).includes('/dist/lazy/parse-xml.js'));

  // Loading the loader again, by the same URL and by another, must do no harm.
  await page.addScriptTag({ url: '/dist/loader.js', type: 'module' });
  await page.addScriptTag({ url: '/dist/loader.js?again', type: 'module' });
  await page.evaluate(() => {
    const again = document.createElement('news-ticker');
    again.setAttribute('src', 'feeds/news.json');
    document.body.append(again);
  });
  check(
    `${file}: loading the loader twice does no harm`,
    (await shows('body > news-ticker', firstHeadline)) && errors.length === 0,
    errors.join(' | '),
  );
  const violations = await page.evaluate(() => window.violations);
  check(`${file}: no Content-Security-Policy violation`, violations.length === 0, violations.join(' | '));
  check(`${file}: no console error`, errors.length === 0, errors.join(' | '));
  await page.close();
}

console.log(`\nembed: ${failures.length ? `${failures.length} check(s) failed` : 'all checks passed'}`);
process.exit(failures.length ? 1 : 0);
