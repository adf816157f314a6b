import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const chromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const chromium = (extra = []) =>
  chromeLauncher({
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [...chromiumFlags, ...extra],
    },
    // Tabs of one window share it and only the front one is visible: the others get no
    // IntersectionObserver, lazy images, animation frames or visibility-gated refreshes.
    // A browser context per page opens its own window, so every test page is visible.
    createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
  });

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [chromium()],
  concurrency: 2,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  // `npm test` adds --coverage; runs of single files stay quick.
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { lines: 90, statements: 90, branches: 75, functions: 85 },
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
};
