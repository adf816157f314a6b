export { createHandler, type FetchHandler } from './handler.js';
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
