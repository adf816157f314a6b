import { ContextProvider, createContext } from '@lit/context';
import type { FeedStore } from './feed-store.js';

/**
 * The {@link FeedStore} the elements inside a subtree load through. Without a provider they use
 * the page-wide `feedStore`; a test or a part of a page can give its own, so it shares no requests,
 * cache or errors with the rest. The key is registered, so every copy of the library finds it.
 */
export const feedStoreContext = createContext<FeedStore>(Symbol.for('feedlets.feed-store'));

/**
 * Gives `store` to the feed elements inside `element` (any element: a plain `<div>` will do),
 * including those added later. `setValue(other)` on the result moves them to another store.
 */
export function provideFeedStore(element: HTMLElement, store: FeedStore): ContextProvider<typeof feedStoreContext> {
  return new ContextProvider(element, { context: feedStoreContext, initialValue: store });
}
