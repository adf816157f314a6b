// Node, Deno and Bun: the handler with `assetsDir`, and the stores. `feedlets-server/handler` is
// the same handler for any platform, without either.
export { createHandler } from './handler-with-assets.js';
export * from './shared-exports.js';
export { openStore, StoreOpenError } from './store/index.js';
