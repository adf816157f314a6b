import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { Env } from '../options.js';
import { etagMatches } from '../etag.js';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ts: 'text/plain; charset=utf-8',
};

// The builds name their chunks chunks/[name]-[hash].js (npm) and lazy/[name]-[hash].js (the
// loader's): a content hash, so they never change and are cached for a year. Every other file
// (feedlets.js, loader.js) keeps its name and is revalidated.
const HASHED = /^(?:chunks|lazy)\/[^/]+-[\w-]{8}\.(?:js|mjs|css)(?:\.map)?$/;

/**
 * `GET /feedlets/*`: the built widget files (`feedlets.js`, the loader, its chunks) from `dir`,
 * with their type, an `ETag`, and long caching for hashed names only. Reads files with `node:fs`
 * (Node, Deno, Bun), so only the `feedlets-server` entry mounts it.
 */
export function assetRoutes(dir: string): Hono<Env> {
  const app = new Hono<Env>();
  app.on(['GET', 'HEAD'], '/feedlets/*', async (c) => {
    const root = resolve(dir);
    let name: string;
    try {
      name = decodeURIComponent(c.req.path.slice('/feedlets/'.length));
    } catch {
      return c.text('Not found', 404);
    }
    // Refuse anything that could leave the folder before the file system sees it.
    if (!name || name.split('/').some((part) => part === '' || part === '.' || part === '..') || /[\\\0]/.test(name)) {
      return c.text('Not found', 404);
    }
    const file = resolve(root, name);
    if (!file.startsWith(root + sep)) return c.text('Not found', 404);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return c.text('Not found', 404);
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    const etag = `"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
    c.header('etag', etag);
    c.header('cache-control', HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache');
    // Pages on any site load these with a plain <script>: let them.
    c.header('cross-origin-resource-policy', 'cross-origin');
    c.header('access-control-allow-origin', '*');
    c.header('content-type', TYPES[extension] ?? 'application/octet-stream');
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    if (c.req.method === 'HEAD') {
      c.header('content-length', String(info.size));
      return c.body(null, 200);
    }
    return c.body(new Uint8Array(await readFile(file)), 200);
  });
  return app;
}
