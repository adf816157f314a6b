// Hand-written because no tool installs a packed tarball into React, Vue, Svelte and Angular projects and
// renders each: npm, each project's Vite and Playwright do the work; the steps are ours.
// The developer's first five minutes, automated: pack the package, install the tarball into a new
// project with React 19, Vue 3, Svelte 5 and Angular, type-check a usage, bundle one page per
// framework (test/package/) with that project's own vite, and render each in Chromium.
// Needs `npm run build` first and the npm registry (or its cache).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { chromium } from 'playwright-core';
import { pages } from './package-pages.mjs';
import { serveStatic } from './serve-static.mjs';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';

// What a consumer installs beside feedlets: one install for every framework. vite and its framework
// plugins live in the consumer project (the plugins import vite, so they must share one copy).
// Angular 21, not 22: 22 needs Node >= 22.22 and TypeScript 6, and CI runs Node 20 with TypeScript
// 5.9; the snippet is the same in both.
const CONSUMER_DEPS = [
  'typescript@5.9',
  'vite@8',
  'react@19',
  'react-dom@19',
  '@types/react@19',
  '@types/react-dom@19',
  'vue@3',
  '@vitejs/plugin-vue@6',
  'svelte@5',
  '@sveltejs/vite-plugin-svelte@7',
  '@angular/core@21',
  '@angular/common@21',
  '@angular/compiler@21',
  '@angular/platform-browser@21',
  '@angular/compiler-cli@21',
  'rxjs@7',
];

/** How long a page may wait for one state before it fails: a limit for a busy machine, not a pace. */
const WAIT_LIMIT = 30_000;

const failures = [];
const check = (name, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures.push(name);
};
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/** Whether `cmd` exited 0, and all it printed, without colours (ngc colours even a pipe). */
function attempt(cmd, args, cwd, env = process.env) {
  const { status, stdout, stderr, error } = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  return { ok: status === 0, output: stripVTControlCharacters(`${stdout ?? ''}${stderr ?? ''}${error ?? ''}`) };
}

/**
 * The browser page compiles the Angular component just in time, and Angular's runtime accepts any
 * defined custom element, schema or not. `ng build` compiles ahead of time, and its template
 * checks are what CUSTOM_ELEMENTS_SCHEMA is for: so ngc (strictTemplates) compiles the component
 * beside a copy without the schema, in one run, and every error must be the copy's.
 */
function checkAngularAot(work) {
  const source = readFileSync(join(work, 'angular/news.component.ts'), 'utf8');
  writeFileSync(join(work, 'angular/without-schema.ts'), source.replace(' schemas: [CUSTOM_ELEMENTS_SCHEMA],', ''));
  const { output } = attempt(join(work, 'node_modules/.bin/ngc'), ['-p', 'angular/tsconfig.json'], work);
  const errors = [...output.matchAll(/^(\S+\.ts):\d+:\d+ - error (\w+): (.*)$/gm)].map(([, file, code, text]) => ({
    file,
    code,
    text,
  }));
  const others = errors.filter(({ file }) => file !== 'without-schema.ts');
  check(
    'Angular AOT (ngc, strictTemplates): the docs/frameworks.md component compiles, `$event` typed as NewsErrorEvent',
    errors.length > 0 && others.length === 0,
    errors.length ? others.map(({ file, code, text }) => `${file} ${code} ${text}`).join(' | ') : output.slice(0, 2000),
  );
  const unknown = errors.find(({ code }) => code === 'NG8001');
  check(
    'Angular AOT: without CUSTOM_ELEMENTS_SCHEMA, ngc rejects the template (NG8001)',
    unknown?.file === 'without-schema.ts',
    unknown?.text,
  );
}

/** Opens one page, waits for its `window.results`, and checks them and the console. */
async function checkPage(browser, url, { name, path, expected, checks }) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${url}/${path}`);
  // The page waits for states without a deadline of its own; this one ends a wait that never would.
  const done = await page.waitForFunction(() => window.results?.done, null, { timeout: WAIT_LIMIT }).catch(() => false);
  const results = (await page.evaluate(() => window.results)) ?? {};
  const stuck = results.waitingFor ? `still waiting for ${results.waitingFor} after ${WAIT_LIMIT / 1000} s` : '';
  check(
    `${name}: the page finished its checks`,
    Boolean(done),
    done ? '' : [stuck, ...errors].filter(Boolean).join(' | '),
  );
  for (const [label, ok, detail] of checks(results)) check(label, ok, detail);
  const unexpected = errors.filter((text) => !expected.some((pattern) => pattern.test(text)));
  check(
    `${name}: no console errors${expected.length ? ' but the deliberate feed failure' : ''}`,
    unexpected.length === 0,
    unexpected.join(' | '),
  );
  await page.close();
}

const work = mkdtempSync(join(tmpdir(), 'feedlets-package-'));
try {
  run('npm', ['pack', '--silent', '--pack-destination', work], process.cwd());
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${tarball}`, ...CONSUMER_DEPS],
    work,
  );
  cpSync('test/package', work, { recursive: true });

  const installed = join(work, 'node_modules/feedlets/dist');
  const shipped = readdirSync(installed, { recursive: true }).map(String);
  check(
    'tarball: ships dist/loader.js and its chunks, and no feedlets.iife.d.ts',
    shipped.includes('loader.js') &&
      shipped.some((f) => /^lazy[\\/]news-ticker-/.test(f)) &&
      !shipped.includes('feedlets.iife.d.ts'),
  );
  const zod = shipped.filter((f) => f.endsWith('.js') && readFileSync(join(installed, f), 'utf8').includes('zod'));
  const dependencies = Object.keys(
    JSON.parse(readFileSync(join(installed, '../package.json'), 'utf8')).dependencies ?? {},
  );
  // Lit's own packages only: lit, and @lit/context for the per-subtree feed store.
  const foreign = dependencies.filter((d) => d !== 'lit' && !d.startsWith('@lit/'));
  check(
    'tarball: no zod in any script, and feedlets depends on Lit alone',
    zod.length === 0 && foreign.length === 0,
    [...zod, ...foreign].join(', '),
  );

  try {
    run(join(work, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], work);
    check(
      'types: a usage type-checks against the packed .d.ts files (speed is a number, news-error detail is typed)',
      true,
    );
  } catch (error) {
    check(
      'types: a usage type-checks against the packed .d.ts files',
      false,
      String(error.stdout ?? error).slice(0, 2000),
    );
  }

  checkAngularAot(work);

  // The consumer's own vite and test/package/vite.config.ts build every page at once; then a
  // development build adds the page that shows why Vue needs `isCustomElement`. At logLevel 'warn'
  // a build prints only warnings, such as a framework compiler's about a snippet.
  const vite = join(work, 'node_modules/.bin/vite');
  const builds = [
    attempt(vite, ['build'], work),
    attempt(vite, ['build', '--config', 'vite.unresolved.config.ts'], work, {
      ...process.env,
      NODE_ENV: 'development',
    }),
  ];
  const printed = builds
    .map(({ output }) => output.trim())
    .filter(Boolean)
    .join('\n');
  check(
    'bundles: vite builds every page, and no framework compiler warns',
    builds.every(({ ok }) => ok) && !printed,
    printed.slice(0, 2000),
  );
  const server = await serveStatic(join(work, 'dist'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  try {
    for (const page of pages) await checkPage(browser, server.url, page);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\npackage: ${failures.length ? `${failures.length} check(s) failed` : 'all checks passed'}`);
process.exit(failures.length ? 1 : 0);
