// The site owner's first five minutes, automated: the built script-tag files on plain HTML pages
// (demo/embed.html, demo/embed-classic.html) under a strict Content-Security-Policy, served by
// `vite preview` as `npm run preview` does. Needs `npm run build` first.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

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
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
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
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${base}/${file}`);
    const seen = await rendered(page);
    check(`${file}: all four widgets render from attributes alone`, Object.values(seen).every((s) => s === 'ready'), JSON.stringify(seen));
    const headline = await page.evaluate(() => document.querySelector('news-ticker').shadowRoot.textContent);
    check(`${file}: the ticker shows the sample feed's first headline`, headline.includes(firstHeadline), firstHeadline);

    // Loading the library again, in the other format, must do no harm.
    const other = file === 'embed.html' ? '/dist/feedlets.iife.js' : '/dist/feedlets.js';
    await page.addScriptTag(file === 'embed.html' ? { url: other } : { url: other, type: 'module' });
    await page.addScriptTag(file === 'embed.html' ? { url: '/dist/feedlets.js', type: 'module' } : { url: '/dist/feedlets.iife.js' });
    await page.evaluate(() => {
      const again = document.createElement('news-ticker');
      again.setAttribute('src', 'feeds/news.json');
      document.body.append(again);
    });
    await page
      .waitForFunction((title) => document.querySelectorAll('news-ticker')[1]?.shadowRoot?.textContent?.includes(title), firstHeadline, { timeout: 5000 })
      .catch(() => {});
    check(`${file}: loading the script again (both formats) does no harm`, errors.length === 0, errors.join(' | '));
    const violations = await page.evaluate(() => window.violations);
    check(`${file}: no Content-Security-Policy violation`, violations.length === 0, violations.join(' | '));
    check(`${file}: no console error`, errors.length === 0, errors.join(' | '));
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((done) => server.httpServer.close(done));
}

console.log(`\nembed: ${failures.length ? `${failures.length} check(s) failed` : 'all checks passed'}`);
process.exit(failures.length ? 1 : 0);
