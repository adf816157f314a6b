import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM, CHROMIUM_FLAGS } from './scripts/chromium.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { chromiumGuardFlags, firefoxGuardPrefs, startNetworkGuard, webkitGuardEnv } from './scripts/network-guard.mjs';
import { webkitLauncher } from './scripts/webkit-launcher.mjs';

// Tests reach loopback only: each browser hands any other host to this loopback guard, which refuses it.
const guard = await startNetworkGuard();

// Every engine comes from Debian (`apt-get install chromium firefox-esr webkit2gtk-driver xvfb`);
// nothing is downloaded.
const chromium = (extraArgs = []) =>
  chromeLauncher({
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_FLAGS, ...chromiumGuardFlags(guard.port), '--disable-dev-shm-usage', ...extraArgs],
    },
    // One browser context per page: pages sharing a context are tabs of one window, and every tab
    // but the front one is hidden (visibilityState 'hidden', no focus) since Chrome 120, which
    // breaks focus and visibility tests when files run concurrently (modernweb-dev/web#2808).
    createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
  });

// Two test pages run at once and one of them is in the background: stop Firefox from throttling
// its timers, or waitUntil and fake-timer tests time out there for no fault of the code.
const unthrottled = {
  'dom.min_background_timeout_value': 4,
  'dom.min_background_timeout_value_without_budget_throttling': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
  'dom.suspend_inactive.enabled': false,
};

// Puppeteer drives Firefox over WebDriver BiDi.
const firefox = (prefs = {}) =>
  puppeteerLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: { ...unthrottled, ...firefoxGuardPrefs(guard.port), ...prefs },
    },
    // A window of its own per test file, never a background tab (hidden: the ticker stops, lazy
    // images wait). Only the focused window gets focus events, so one test file at a time.
    createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage({ type: 'window' }),
    concurrency: 1,
  });

// FEEDLETS_BROWSERS=chromium runs one engine, for quick local runs.
const only = process.env.FEEDLETS_BROWSERS;
const pick = (list) => list.filter((b) => !only || only.split(',').includes(b.name));
const engines = (chromiumArgs, firefoxPrefs, webkitOptions) =>
  pick([
    Object.assign(chromium(chromiumArgs), { name: 'chromium' }),
    Object.assign(firefox(firefoxPrefs), { name: 'firefox' }),
    // WebKitGTK's MiniBrowser, one test file at a time (scripts/webkit-launcher.mjs).
    Object.assign(webkitLauncher({ ...webkitOptions, proxyEnv: webkitGuardEnv(guard.port) }), { name: 'webkit' }),
  ]);

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts', '!test/**/*.reduced-motion.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // a11ySnapshot lets tests assert what assistive technology is given, not only the DOM.
  plugins: [
    // The templates the build ships: minified as vite.config.ts does, with line breaks kept for coverage.
    {
      name: 'minify-templates',
      transform: ({ path, body }) =>
        path.startsWith('/src/') && path.endsWith('.ts')
          ? minifyTemplates(body, path, { keepLines: true })?.code
          : undefined,
    },
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    a11ySnapshotPlugin(),
    // test/network-guard.test.ts asks what the guard refused.
    {
      name: 'network-guard',
      executeCommand: ({ command }) => (command === 'network-guard-seen' ? guard.seen() : undefined),
    },
  ],
  browsers: engines([], {}, {}),
  groups: [
    {
      // Emulating reduced motion is CDP-only, so these tests get browsers that prefer it from launch
      // (WebKitGTK: GTK's gtk-enable-animations=false).
      name: 'reduced-motion',
      files: 'test/**/*.reduced-motion.test.ts',
      browsers: engines(['--force-prefers-reduced-motion'], { 'ui.prefersReducedMotion': 1 }, { reducedMotion: true }),
    },
  ],
  reporters: [defaultReporter(), countReporter()],
  concurrency: 2,
  concurrentBrowsers: 2,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // A watchdog for a test that hangs, not a budget: tests wait for events and states, so a busy
  // machine (two cores shared with other work) makes them slower, never wrong.
  testFramework: { config: { timeout: 60000 } },
  // Two cores and two engines: a browser can take a while to start when the machine is busy.
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  // `npm test` adds --coverage (taken from Chromium); runs of single files stay quick.
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { lines: 90, statements: 90, branches: 75, functions: 85 },
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
};
