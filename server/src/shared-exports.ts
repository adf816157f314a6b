// What both entries export (`feedlets-server` and `feedlets-server/handler`): nothing here imports a
// Node built-in or a native package.
export type { FetchHandler } from './app.js';
export { DEFAULT_RATE_LIMIT, type ClientInfo, type HandlerOptions, type RateLimit } from './options.js';
export { reviewPayloadSchema, firstProblem, type ReviewPayload } from './schema.js';
export { exportFeed, importFeed } from './transfer.js';
export { InvalidCursorError } from './store/cursor.js';
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
