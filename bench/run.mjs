// `npm run bench`: builds the bench pages in production mode, serves them, drives Debian's
// Chromium through Playwright, and prints medians next to their same-run baselines and the
// targets they are held to. Writes every sample to bench/results.json. See bench/README.md.
import { writeFileSync } from 'node:fs';
import { buildPages, distDir } from './harness/build.mjs';
import { launchBrowser } from './harness/browser.mjs';
import { formatTables } from './harness/report.mjs';
import { startServer } from './harness/server.mjs';
import memory from './suites/memory.mjs';
import paint from './suites/paint.mjs';
import parse from './suites/parse.mjs';
import requests from './suites/requests.mjs';
import ticker from './suites/ticker.mjs';
import { CHROMIUM } from '../scripts/chromium.mjs';

function usage(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const count = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) usage(`${name} must be a whole number ≥ 1, not "${process.env[name]}"`);
  return value;
};

const settings = {
  runs: count('BENCH_RUNS', 7),
  // The ticker and memory suites take seconds per run and measure counts that vary little.
  longRuns: count('BENCH_LONG_RUNS', 3),
  executablePath: CHROMIUM,
};
const suites = [parse, paint, ticker, requests, memory];
const only = process.env.BENCH_ONLY?.split(',').map((id) => id.trim());
const unknown = only?.filter((id) => !suites.some((suite) => suite.id === id));
if (unknown?.length) usage(`BENCH_ONLY: no suite ${unknown.join(', ')} (have ${suites.map((s) => s.id).join(', ')})`);
const chosen = suites.filter((suite) => !only || only.includes(suite.id));

// Generous bounds (a machine busy with other work runs several times slower), but a stuck
// browser must end the run with a message, never hang it.
const SUITE_TIMEOUT = 300_000;
const TOTAL_TIMEOUT = 900_000;

const started = Date.now();
const progress = (message) =>
  process.stderr.write(`bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s › ${message}\n`);

class Timeout extends Error {}

function within(promise, ms, what) {
  let timer;
  const timeout = new Promise(
    (_, fail) => (timer = setTimeout(() => fail(new Timeout(`${what} took longer than ${ms / 1000} s`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let cleanup = async () => {};
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${TOTAL_TIMEOUT / 1000} s`);
  void cleanup().finally(() => process.exit(1));
}, TOTAL_TIMEOUT);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

const sections = [];
let chromium = '';
try {
  progress('building bench pages (vite, production mode)');
  await buildPages();
  const server = await startServer(distDir);
  cleanup = () => server.close();
  const launched = await launchBrowser({ executablePath: settings.executablePath });
  chromium = launched.version;
  cleanup = async () => {
    cleanup = async () => {};
    await launched.close();
    await server.close();
  };
  progress(`${chromium} at ${server.origin}; ${settings.runs} runs (ticker and memory: ${settings.longRuns})`);
  for (const suite of chosen) {
    const context = {
      ...settings,
      browser: launched.browser,
      defaultContext: launched.defaultContext,
      server,
      origin: server.origin,
      progress: (message) => progress(`${suite.id}: ${message}`),
    };
    const begun = Date.now();
    const seconds = () => Math.round((Date.now() - begun) / 1000);
    try {
      const rows = await within(suite.run(context), SUITE_TIMEOUT, `the ${suite.id} suite`);
      sections.push({ id: suite.id, title: suite.title, seconds: seconds(), rows });
    } catch (error) {
      console.error(`bench: the ${suite.id} suite failed:`, error);
      sections.push({ id: suite.id, title: suite.title, seconds: seconds(), error: error.message.split('\n')[0] });
      // A suite still running in the background would disturb every later measurement.
      if (error instanceof Timeout) break;
    }
  }
} catch (error) {
  console.error(`bench: could not run: ${error.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}

if (sections.length) {
  const header = `Chromium ${chromium}, Node ${process.version}, ${settings.runs} runs (ticker, memory: ${settings.longRuns}), ${((Date.now() - started) / 1000).toFixed(0)} s`;
  console.log(`\n${header}\n\n${formatTables(sections)}`);
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ date: new Date().toISOString(), chromium, node: process.version, ...settings, sections }, null, 2)}\n`,
  );
}
const failed = chosen.filter((suite) => !sections.some((section) => section.id === suite.id && !section.error));
if (failed.length) {
  console.error(`bench: not measured: ${failed.map((suite) => suite.id).join(', ')}`);
  process.exitCode = 1;
}
