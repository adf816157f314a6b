import type { FeedError } from './feed-error.js';
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

declare global {
  interface GlobalEventHandlersEventMap {
    'news-load': NewsLoadEvent;
    'news-error': NewsErrorEvent;
  }
}
