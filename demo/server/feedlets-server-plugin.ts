import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createHandler, type FetchHandler } from '../../server/src/handler.js';
import { openStore } from '../../server/src/store/index.js';
import type { ReviewStore } from '../../server/src/store/types.js';
import { importFeed } from '../../server/src/transfer.js';

export interface FeedletsServerPluginOptions {
  /** The folder the demo's database (and its admin token) live in; created on first start. */
  dataDir: string;
  /** A JSON Feed of reviews imported when the database is new. */
  seed: string;
  /** Article ids (not URLs) the demo's pages review. */
  itemIds: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

/**
 * `?faults=1` on the review routes makes the demo fail sometimes, in front of the real handler: 500,
 * 503 with Retry-After, slow answers, and answers lost after the review was stored (a retry with
 * the same id then gets 409), so anyone can watch the element retry and show its errors.
 */
async function withFaults(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const roll = Math.random();
  if (request.method === 'POST') {
    if (roll < 0.15) return json(500, { error: 'Simulated failure (faults=1): nothing was stored.' });
    if (roll < 0.25)
      return json(503, { error: 'Simulated overload (faults=1): try again shortly.' }, { 'retry-after': '2' });
    if (roll < 0.5) await sleep(2500 + Math.random() * 3000);
    const response = await handle();
    if (roll < 0.35) return json(500, { error: 'Simulated failure (faults=1) after the review was stored.' });
    return response;
  }
  if (roll < 0.15) return json(500, { error: 'Simulated failure (faults=1).' });
  if (roll < 0.3) await sleep(2000 + Math.random() * 2000);
  return handle();
}

/** The origins the dev server answers on: the pages that may post and read reviews. */
function originsOf(server: ViteDevServer | PreviewServer): string[] {
  const address = (server.httpServer as Server | null)?.address();
  const port = typeof address === 'object' && address ? address.port : undefined;
  const urls = [...(server.resolvedUrls?.local ?? []), ...(server.resolvedUrls?.network ?? [])];
  if (port) urls.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`);
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/**
 * The demo's review endpoint is feedlets-server itself: `createHandler` behind Vite's dev and
 * preview servers, on a database in `dataDir`, publishing at once (`moderation: 'post'`) so a
 * review shows as soon as it is sent. The admin page is at /api/admin; its token is printed.
 */
export function feedletsServerPlugin({ dataDir, seed, itemIds }: FeedletsServerPluginOptions): Plugin {
  let store: Promise<ReviewStore> | undefined;

  function openDemoStore(): Promise<ReviewStore> {
    mkdirSync(dataDir, { recursive: true });
    const db = join(dataDir, 'reviews.db');
    const isNew = !existsSync(db);
    return openStore(db).then(async (opened) => {
      if (isNew) await importFeed(opened, JSON.parse(readFileSync(seed, 'utf8')));
      return opened;
    });
  }

  /** A stable token per data folder, so a signed-in admin page survives restarts. */
  function adminToken(): string {
    const file = join(dataDir, 'admin-token');
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString('hex') + '\n', { mode: 0o600 });
    return readFileSync(file, 'utf8').trim();
  }

  function install(server: ViteDevServer | PreviewServer) {
    const token = adminToken();
    let handler: FetchHandler | undefined;
    const listener = getRequestListener(async (request, env) => {
      store ??= openDemoStore();
      // Built on the first request, once the port (and so the demo's own origin) is known.
      handler ??= createHandler({
        store: await store,
        sites: originsOf(server),
        itemIds,
        adminToken: token,
        moderation: 'post',
        rateLimit: { perMinute: 30, perDay: 1000 },
      });
      const handle = () => handler!(request, { address: env.incoming.socket.remoteAddress });
      const faults = new URL(request.url).searchParams.get('faults') === '1';
      return faults ? withFaults(request, handle) : handle();
    });
    const middleware: Connect.NextHandleFunction = (req, res, next) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path.startsWith('/api/') || path === '/healthz') void listener(req, res);
      else next();
    };
    server.middlewares.use(middleware);
    server.httpServer?.once('listening', () => {
      const base = originsOf(server)[0] ?? '';
      server.config.logger.info(
        `  ➜  Reviews:  feedlets-server at ${base}/api/reviews, admin at ${base}/api/admin (token: ${token})`,
      );
    });
    server.httpServer?.once('close', () => {
      void store?.then((opened) => opened.close());
      store = undefined;
    });
  }

  return {
    name: 'feedlets-demo-server',
    configureServer: install,
    configurePreviewServer: install,
  };
}
