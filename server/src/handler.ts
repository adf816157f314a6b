/**
 * `feedlets-server/handler`: the server as a fetch handler for any platform that runs one
 * (Cloudflare Workers, Vercel, Netlify, Deno Deploy…). Nothing here imports a Node built-in or a
 * native package: pass a {@link ReviewStore} that runs on the platform.
 */
import { buildHandler, type FetchHandler } from './app.js';
import type { HandlerOptions } from './options.js';

export * from './shared-exports.js';

/**
 * The whole server as one standard fetch handler: reviews, moderation, health and (when given) the
 * feed proxy. It keeps nothing in memory that matters (reviews, rate-limit buckets and admin
 * sessions live in the store or in signed cookies), so several instances may serve one database.
 *
 * `client.address` is the peer's address, which a `Request` does not carry; adapters pass it.
 * `assetsDir` needs `node:fs`: use the `createHandler` of `feedlets-server` for it.
 *
 * @throws {TypeError} when an option is wrong (or `assetsDir` is set), with the fix in its message.
 */
export function createHandler(options: HandlerOptions): FetchHandler {
  return buildHandler(options);
}
