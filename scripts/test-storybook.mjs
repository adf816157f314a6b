#!/usr/bin/env node
// Glue only: Storybook's test runner checks the stories; it needs the static build served, which this does.
/**
 * Runs Storybook's test runner over the static Storybook (`npm run build-storybook` first), served
 * on a free loopback port. What each story must pass is in .storybook/test-runner.ts; the browser
 * (Debian's Chromium) in test-runner-jest.config.js. Arguments go to the test runner, e.g.
 * `npm run test-storybook -- --maxWorkers=1`.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from './serve-static.mjs';

const ROOT = resolve('storybook-static');

/** The dev build of Lit warns on every page and is slower: the static build must not carry it. */
async function litInDevMode() {
  const assets = join(ROOT, 'assets');
  const names = await readdir(assets).catch(() => {
    throw new Error(`${assets} not found: run \`npm run build-storybook\` first`);
  });
  for (const name of names) {
    if (name.endsWith('.js') && (await readFile(join(assets, name), 'utf8')).includes('Lit is in dev mode'))
      return name;
  }
  return undefined;
}

const devMode = await litInDevMode();
if (devMode) {
  console.log(`✗ static build: Lit runs in dev mode (${devMode})`);
  process.exit(1);
}

const server = await serveStatic(ROOT);
const args = [
  '--url',
  server.url,
  '--index-json',
  '--maxWorkers',
  process.env.STORYBOOK_TEST_WORKERS ?? '2',
  '--testTimeout',
  '60000',
];
const child = spawn('test-storybook', [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
const code = await new Promise((done) => child.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0))));
await server.close();
process.exitCode = code;
