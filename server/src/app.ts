import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { settle, type ClientInfo, type Env, type HandlerOptions } from './options.js';
import { adminRoutes } from './routes/admin.js';
import { healthRoutes } from './routes/health.js';
import { reviewRoutes } from './routes/reviews.js';

/** A fetch handler: what Node's adapter, Deno.serve, Bun.serve and edge platforms call. */
export type FetchHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

/** The routes that serve `assetsDir`: they read files, so only the Node-side entry passes them. */
export type AssetRoutes = (dir: string) => Hono<Env>;

/**
 * Both entries' `createHandler`. This module imports nothing platform-specific, so that
 * `feedlets-server/handler` bundles for any runtime; `assetRoutes` is how the other entry adds files.
 */
export function buildHandler(options: HandlerOptions, assetRoutes?: AssetRoutes): FetchHandler {
  const settings = settle(options);
  if (options.assetsDir && !assetRoutes) {
    throw new TypeError(
      "assetsDir reads files with node:fs: import createHandler from 'feedlets-server' (Node, Deno, Bun), or serve the widget files as static files.",
    );
  }
  const app = new Hono<Env>();

  // Widget files are loaded by other sites' pages, so they may be embedded cross-origin.
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, crossOriginOpenerPolicy: 'same-origin' }));

  app.route('/', healthRoutes(settings));
  app.route(settings.prefix || '/', reviewRoutes(settings));
  app.route(settings.prefix || '/', adminRoutes(settings));
  // The feed proxy's mount point: the CLI passes the proxy built from `--allow-feed`.
  const { proxy } = options;
  app.get(`${settings.prefix}/proxy`, (c) =>
    proxy
      ? proxy(c.req.raw)
      : c.json({ error: 'The feed proxy is off: start feedlets-server with --allow-feed URL.' }, 404),
  );
  // Hono answers HEAD with the GET route; every other method is the asker's mistake, not a missing page.
  app.all(`${settings.prefix}/proxy`, (c) =>
    c.json({ error: `The proxy answers GET, not ${c.req.method}.` }, 405, { allow: 'GET, HEAD' }),
  );
  if (options.assetsDir && assetRoutes) app.route('/', assetRoutes(options.assetsDir));

  app.notFound((c) => c.json({ error: `Nothing at ${new URL(c.req.url).pathname}.` }, 404));
  app.onError((error, c) => {
    console.error('[feedlets-server]', c.req.method, new URL(c.req.url).pathname, error);
    return c.json({ error: 'The review server failed; please try again shortly.' }, 500);
  });

  return async (request, client) => app.fetch(request, { address: client?.address });
}
