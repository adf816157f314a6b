// The site owner's first five minutes, automated: the built script-tag files on plain HTML pages
// (demo/embed.html, demo/embed-classic.html) under a strict Content-Security-Policy, served by
// `vite preview` as `npm run preview` does. Needs `npm run build` first.
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

/** Waits until every widget on the page shows content of its own, then reports what it shows. */
const rendered = (page) =>
  page
    .waitForFunction(
      () =>
        ['news-ticker', 'news-cards', 'news-categories', 'news-reviews'].every((tag) => {
          const el = document.querySelector(tag);
          const base = el?.shadowRoot?.querySelector('[part~="base"]');
          return base && base.getAttribute('aria-busy') === 'false' && !el.shadowRoot.querySelector('[part~="error"]');
        }),
      null,
      { timeout: 15000 },
    )
    .then(() => true)
    .catch(() => false);

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
    check(`${file}: all four widgets render from attributes alone`, await rendered(page));
    const headline = await page.evaluate(() => document.querySelector('news-ticker').shadowRoot.textContent);
    check(`${file}: the ticker shows the sample feed's headlines`, headline.includes('Karabakh'), headline.slice(0, 200));

    // Loading the library again, in the other format, must do no harm.
    const other = file === 'embed.html' ? '/dist/feedlets.iife.js' : '/dist/feedlets.js';
    await page.addScriptTag(file === 'embed.html' ? { url: other } : { url: other, type: 'module' });
    await page.addScriptTag(file === 'embed.html' ? { url: '/dist/feedlets.js', type: 'module' } : { url: '/dist/feedlets.iife.js' });
    await page.evaluate(() => {
      const again = document.createElement('news-ticker');
      again.setAttribute('src', 'feeds/news.json');
      document.body.append(again);
    });
    await page.waitForFunction(() => document.querySelectorAll('news-ticker')[1]?.shadowRoot?.textContent?.includes('Karabakh'), null, { timeout: 5000 }).catch(() => {});
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
