// Node, Deno and Bun: the handler with `assetsDir`, and the stores. `feedlets-server/handler` is
// the same handler for any platform, without either.
export { createHandler } from './handler-with-assets.js';
export type { FetchHandler } from './app.js';
export { DEFAULT_RATE_LIMIT, type ClientInfo, type HandlerOptions, type RateLimit } from './options.js';
export { reviewPayloadSchema, firstProblem, type ReviewPayload } from './schema.js';
export { exportFeed, importFeed } from './transfer.js';
export type {
  NewReview,
  ReviewPage,
  ReviewQuery,
  ReviewStatus,
  ReviewStore,
  ReviewSummary,
  StoredReview,
  TokenBucket,
} from './store/types.js';
export { openStore, InvalidCursorError, StoreOpenError } from './store/index.js';
