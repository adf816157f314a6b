import { buildHandler, type FetchHandler } from './app.js';
import type { HandlerOptions } from './options.js';
import { assetRoutes } from './routes/assets.js';

/**
 * The whole server as one standard fetch handler, as `feedlets-server/handler` makes it, and also
 * the widget files from `assetsDir` (read with `node:fs`: Node, Deno and Bun).
 *
 * @throws {TypeError} when an option is wrong, with the fix in its message.
 */
export function createHandler(options: HandlerOptions): FetchHandler {
  return buildHandler(options, assetRoutes);
}
