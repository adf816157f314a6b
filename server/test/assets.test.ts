// /feedlets/ serves the built widget files with types, ETags and the right caching; /healthz
// answers for load balancers.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { defaultAssetsDir } from '../src/assets-dir.js';
import type { NodeServer } from '../src/node.js';
import { libsql, tempFolder, type TestDatabase } from './support/databases.js';
import { startServer } from './support/http.js';

/** Sends a raw request line (fetch would normalise `..` away) and answers the status code. */
function rawStatus(server: NodeServer, path: string): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let head = '';
    socket.on('data', (chunk) => (head += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1])));
    socket.on('error', reject);
  });
}

describe('widget files and health', () => {
  let database: TestDatabase;
  let server: NodeServer;
  before(async () => {
    database = await libsql.fresh();
    const root = tempFolder();
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'chunks'), { recursive: true });
    mkdirSync(join(dist, 'lazy'), { recursive: true });
    writeFileSync(join(dist, 'feedlets.js'), 'export const feedlets = 1;\n');
    writeFileSync(join(dist, 'news-categories.js'), 'export const categories = 1;\n');
    writeFileSync(join(dist, 'chunks', 'news-cards-Bx3kP9_q.js'), 'export const cards = 1;\n');
    writeFileSync(join(dist, 'lazy', 'news-ticker-DYJM5Ev2.js'), 'export const ticker = 1;\n');
    writeFileSync(join(dist, 'loader.js'), 'export const loader = 1;\n');
    writeFileSync(join(root, 'secret.txt'), 'not for the web');
    server = await startServer({ store: database.store, assetsDir: dist });
  });
  after(async () => {
    await server?.close();
    await database?.drop();
  });

  test('feedlets.js is served as JavaScript, revalidated each time, with an ETag and 304', async () => {
    const response = await fetch(`${server.url}/feedlets/feedlets.js`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(await response.text(), 'export const feedlets = 1;\n');
    const etag = response.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.url}/feedlets/feedlets.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('hashed chunks are cached for a year', async () => {
    const response = await fetch(`${server.url}/feedlets/chunks/news-cards-Bx3kP9_q.js`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const lazy = await fetch(`${server.url}/feedlets/lazy/news-ticker-DYJM5Ev2.js`);
    assert.equal(lazy.headers.get('cache-control'), 'public, max-age=31536000, immutable', "the loader's chunks");
    const named = await fetch(`${server.url}/feedlets/news-categories.js`);
    assert.equal(named.headers.get('cache-control'), 'no-cache', 'a long name is not a hash');
    const loader = await fetch(`${server.url}/feedlets/loader.js`);
    assert.equal(loader.headers.get('cache-control'), 'no-cache', 'loader.js keeps its name: revalidated');
  });

  test('paths that leave the folder are refused, missing files are 404', async () => {
    for (const path of [
      '/feedlets/../secret.txt',
      '/feedlets/%2e%2e/secret.txt',
      '/feedlets/..%2fsecret.txt',
      '/feedlets/chunks/..%5c..%5csecret.txt',
      '/feedlets/%00',
    ]) {
      assert.equal(await rawStatus(server, path), 404, path);
    }
    assert.equal((await fetch(`${server.url}/feedlets/missing.js`)).status, 404);
    assert.equal((await fetch(`${server.url}/feedlets/`)).status, 404);
  });

  test('/healthz is 200 ok while the database answers and 503 once it does not', async () => {
    const ok = await fetch(`${server.url}/healthz`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), 'ok');
    await database.store.close();
    const down = await fetch(`${server.url}/healthz`);
    assert.equal(down.status, 503);
  });

  test('the proxy route answers 404 with the fix while no proxy is configured', async () => {
    const response = await fetch(`${server.url}/api/proxy?url=https://feeds.example/news.json`);
    assert.equal(response.status, 404);
    assert.match((await response.json()).error, /--allow-feed/);
  });
});

describe('the widget files served without --assets', () => {
  /** A project with feedlets-server installed: where its dist/cli.js would be. */
  function project(withFeedlets: { built: boolean } | undefined) {
    const root = tempFolder();
    const cli = join(root, 'node_modules', 'feedlets-server', 'dist', 'cli.js');
    mkdirSync(join(cli, '..'), { recursive: true });
    if (withFeedlets) {
      const feedlets = join(root, 'node_modules', 'feedlets');
      mkdirSync(join(feedlets, 'dist'), { recursive: true });
      writeFileSync(
        join(feedlets, 'package.json'),
        JSON.stringify({ name: 'feedlets', exports: { './package.json': './package.json' } }),
      );
      if (withFeedlets.built) writeFileSync(join(feedlets, 'dist', 'feedlets.js'), 'export {};\n');
    }
    return { root, from: pathToFileURL(cli) };
  }

  test('are the dist/ of the feedlets package installed beside it', () => {
    const { root, from } = project({ built: true });
    assert.equal(defaultAssetsDir(from), join(root, 'node_modules', 'feedlets', 'dist'));
  });

  test('are none when feedlets is not installed, or has no built files', () => {
    assert.equal(defaultAssetsDir(project(undefined).from), undefined);
    assert.equal(defaultAssetsDir(project({ built: false }).from), undefined);
  });

  test("in a clone of the repository, are the root package's dist/ once built", () => {
    const clone = tempFolder();
    const from = pathToFileURL(join(clone, 'server', 'dist', 'cli.js'));
    assert.equal(defaultAssetsDir(from), undefined);
    mkdirSync(join(clone, 'dist'));
    writeFileSync(join(clone, 'dist', 'feedlets.js'), 'export {};\n');
    assert.equal(defaultAssetsDir(from), join(clone, 'dist'));
  });
});
