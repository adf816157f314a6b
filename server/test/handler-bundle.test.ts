// `feedlets-server/handler` is what a Worker, a Vercel or Netlify function imports: bundled for a
// browser-like platform with nothing left external, it must build (no node:*, no libsql, no pg is
// reached) and answer Requests with a store of the platform's own (here one in memory).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import type * as HandlerEntry from '../src/handler.js';
import { MemoryStore } from './support/memory-store.js';
import { ADMIN_TOKEN, ARTICLE, SITE, review } from './support/http.js';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

test('feedlets-server/handler bundles for a platform without Node, and the bundle serves reviews', async () => {
  const bundled = await build({
    entryPoints: [source('../src/handler.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  assert.deepEqual(bundled.errors, []);
  const code = bundled.outputFiles[0]!.text;
  const { createHandler } = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as typeof HandlerEntry;

  const store = new MemoryStore();
  const handler = createHandler({ store, sites: [SITE], adminToken: ADMIN_TOKEN });
  const sent = review();
  const created = await handler(
    new Request('https://reviews.example/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE },
      body: JSON.stringify(sent),
    }),
    { address: '192.0.2.1' },
  );
  assert.equal(created.status, 201);
  assert.equal(store.reviews.get(sent.id)?.status, 'pending');

  const approved = await handler(
    new Request(`https://reviews.example/api/admin/reviews/${sent.id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    }),
  );
  assert.equal(approved.status, 200);
  const feed = await handler(
    new Request(`https://reviews.example/api/reviews.json?item=${encodeURIComponent(ARTICLE)}`),
  );
  assert.equal(feed.status, 200);
  const body = (await feed.json()) as { items: { id: string }[]; _reviews: unknown };
  assert.deepEqual(
    body.items.map((item) => item.id),
    [sent.id],
  );
  assert.deepEqual(body._reviews, { average: 4, count: 1 });
});

test('the handler entry refuses assetsDir (it needs node:fs) with the import that serves it', async () => {
  const { createHandler } = await import('../src/handler.js');
  assert.throws(
    () => createHandler({ store: new MemoryStore(), sites: [SITE], adminToken: ADMIN_TOKEN, assetsDir: '/srv' }),
    /import createHandler from 'feedlets-server'/,
  );
});

test('openStore loads a store module only when chosen: the root entry reaches libsql and pg by dynamic import alone', async () => {
  const { metafile } = await build({
    entryPoints: [source('../src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    splitting: true,
    outdir: 'unused',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // Walk the static imports from the entry; a dynamic import ends the walk.
  const reached = new Set<string>();
  const walk = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const { path, kind, external } of metafile.inputs[file]?.imports ?? []) {
      if (kind === 'dynamic-import') continue;
      if (external) reached.add(path);
      else walk(path);
    }
  };
  walk(Object.keys(metafile.inputs).find((file) => file.endsWith('src/index.ts'))!);
  const loaded = [...reached].filter((file) => /^(libsql|pg)$|worker_threads|store\/(libsql|postgres)\.ts$/.test(file));
  assert.deepEqual(loaded, []);
});
