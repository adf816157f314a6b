import type { FeedError } from './feed-error.js';
import type { ReviewError, ReviewReceipt } from './review-sender.js';
import type { ReviewPayload } from './review-schema.js';
import type { Feed } from './types.js';

const options = { bubbles: true, composed: true } as const;

/** Fired by an element each time it receives a new feed. */
export class NewsLoadEvent extends CustomEvent<{ feed: Feed }> {
  constructor(feed: Feed) {
    super('news-load', { ...options, detail: { feed } });
  }
}

/** Fired by an element when its feed cannot be loaded or read; the last good content stays. */
export class NewsErrorEvent extends CustomEvent<{ error: FeedError }> {
  constructor(error: FeedError) {
    super('news-error', { ...options, detail: { error } });
  }
}

/**
 * Fired before a review is sent. Cancel it (`preventDefault()`) to send nothing; fields added to
 * `detail` are sent with the review.
 */
export class NewsReviewSubmitEvent extends CustomEvent<ReviewPayload> {
  constructor(payload: ReviewPayload) {
    super('news-review-submit', { ...options, cancelable: true, detail: payload });
  }
}

/** Fired when the server has accepted a review (2xx, or 409 for one it already had). */
export class NewsReviewSentEvent extends CustomEvent<{ payload: ReviewPayload; response: ReviewReceipt }> {
  constructor(payload: ReviewPayload, response: ReviewReceipt) {
    super('news-review-sent', { ...options, detail: { payload, response } });
  }
}

/** Fired when a review could not be sent, after any automatic retries; the draft is kept. */
export class NewsReviewErrorEvent extends CustomEvent<{ error: ReviewError; payload: ReviewPayload }> {
  constructor(error: ReviewError, payload: ReviewPayload) {
    super('news-review-error', { ...options, detail: { error, payload } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'news-load': NewsLoadEvent;
    'news-error': NewsErrorEvent;
    'news-review-submit': NewsReviewSubmitEvent;
    'news-review-sent': NewsReviewSentEvent;
    'news-review-error': NewsReviewErrorEvent;
  }
}
