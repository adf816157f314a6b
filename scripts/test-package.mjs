// The developer's first five minutes, automated: pack the package, install the tarball into a new
// project with React 19, type-check a usage, bundle it with vite and render it in Chromium.
// Needs `npm run build` first and the npm registry (or its cache) for react and typescript.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from './serve-static.mjs';

const failures = [];
const check = (name, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures.push(name);
};
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const work = mkdtempSync(join(tmpdir(), 'feedlets-package-'));
try {
  run('npm', ['pack', '--silent', '--pack-destination', work], process.cwd());
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`, 'react@19', 'react-dom@19', '@types/react@19', '@types/react-dom@19', 'typescript@5.9'], work);
  cpSync('test/package', work, { recursive: true });

  try {
    run(join(work, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], work);
    check('types: a usage type-checks against the packed .d.ts files (speed is a number, news-error detail is typed)', true);
  } catch (error) {
    check('types: a usage type-checks against the packed .d.ts files', false, String(error.stdout ?? error).slice(0, 2000));
  }

  await build({ root: work, logLevel: 'warn', configFile: false, build: { outDir: 'dist', minify: false } });
  const server = await serveStatic(join(work, 'dist'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/index.html`);
    const done = await page.waitForFunction(() => window.results?.done, null, { timeout: 15000 }).catch(() => false);
    check('the page finished its checks', Boolean(done), errors.join(' | '));
    const r = (await page.evaluate(() => window.results)) ?? {};
    check('plain page: <news-ticker> from `feedlets/define/news-ticker` renders its inline feed', r.plainRendered === true);
    check('React 19: a number prop becomes the `speed` property', r.reactSpeedProperty === 30, `speed=${r.reactSpeedProperty}`);
    check('React 19: a boolean prop reflects as the `paused` attribute', r.reactPausedAttribute === true);
    check('React 19: a string prop reaches the `label` property', r.reactLabel === 'From React');
    check('React 19: an object prop reaches the `feed` property and renders', r.reactRendered === true);
    check('React 19: `onnews-load` receives the typed event', r.eventTitle === 'From React', String(r.eventTitle));
    check('no console errors', errors.length === 0, errors.join(' | '));
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\npackage: ${failures.length ? `${failures.length} check(s) failed` : 'all checks passed'}`);
process.exit(failures.length ? 1 : 0);
