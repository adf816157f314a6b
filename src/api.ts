// What a page can use: the elements, the feed core, the events. The root entry (index.ts) and
// the script-tag build (bundle.ts) both export this. The RSS/Atom reader is apart (xml.ts).
export { FeedError, type FeedErrorCode } from './core/feed-error.js';
export { FeedController, type FeedHost } from './core/feed-controller.js';
export { FeedStore, feedStore, type FeedStoreOptions, type Snapshot } from './core/feed-store.js';
export { feedStoreContext, provideFeedStore } from './core/feed-store-context.js';
export {
  NewsErrorEvent,
  NewsLoadEvent,
  NewsReviewErrorEvent,
  NewsReviewSentEvent,
  NewsReviewSubmitEvent,
} from './core/events.js';
export { isFeed, parseFeed, type ParseOptions } from './core/parse-feed.js';
export { readFeed, type ReadOptions } from './core/read-feed.js';
export { safeUrl } from './core/safe-url.js';
export type { ReviewPayload } from './core/review-schema.js';
export {
  ReviewError,
  sendReview,
  type ReviewErrorCode,
  type ReviewReceipt,
  type SendOptions,
} from './core/review-sender.js';
export { registerStrings, type Plural, type Strings } from './core/strings.js';
export { registerDates, type DateStrings } from './core/date-strings.js';
export { registerLanguageNames, type LanguageNames } from './core/language-name.js';
export type { TagNames } from './core/tag-names.js';
export type { Author, Feed, FeedStatus, Item, Review } from './core/types.js';
// The elements' base classes: declarations refer to them (<news-card> extends ThemedElement).
export { ThemedElement } from './elements/shared/themed-element.js';
export { FeedElement } from './elements/shared/feed-element.js';
// The type of the elements' `clock`, named so that declarations can refer to it.
export type { MinuteClock } from './elements/shared/minute-clock.js';
export { NewsTicker } from './elements/news-ticker/news-ticker.js';
export { NewsCards } from './elements/news-cards/news-cards.js';
export { NewsCard } from './elements/news-card/news-card.js';
export { NewsCategories } from './elements/news-categories/news-categories.js';
export { NewsReviews } from './elements/news-reviews/news-reviews.js';
export { defineElement } from './define/define-element.js';
