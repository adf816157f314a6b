import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { settle, type ClientInfo, type Env, type HandlerOptions } from './options.js';
import { adminRoutes } from './routes/admin.js';
import { assetRoutes } from './routes/assets.js';
import { healthRoutes } from './routes/health.js';
import { reviewRoutes } from './routes/reviews.js';

/** A fetch handler: what Node's adapter, Deno.serve, Bun.serve and edge platforms call. */
export type FetchHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

/**
 * The whole server as one standard fetch handler: reviews, moderation, health, widget files and
 * (when given) the feed proxy. It keeps nothing in memory that matters (reviews, rate-limit
 * buckets and admin sessions live in the store or in signed cookies), so several instances may
 * serve one database.
 *
 * `client.address` is the peer's address, which a `Request` does not carry; adapters pass it.
 *
 * @throws {TypeError} when an option is wrong, with the fix in its message.
 */
export function createHandler(options: HandlerOptions): FetchHandler {
  const settings = settle(options);
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
  if (options.assetsDir) app.route('/', assetRoutes(options.assetsDir));

  app.notFound((c) => c.json({ error: `Nothing at ${new URL(c.req.url).pathname}.` }, 404));
  app.onError((error, c) => {
    console.error('[feedlets-server]', c.req.method, new URL(c.req.url).pathname, error);
    return c.json({ error: 'The review server failed; please try again shortly.' }, 500);
  });

  return async (request, client) => app.fetch(request, { address: client?.address });
}
