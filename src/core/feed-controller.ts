import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from './feed-error.js';
import { feedStore, type FeedStore, type Snapshot } from './feed-store.js';
import { NewsErrorEvent, NewsLoadEvent } from './events.js';
import { isFeed, parseFeed } from './parse-feed.js';
import { readFeed } from './read-feed.js';
import { safeUrl } from './safe-url.js';
import type { Feed, FeedStatus, Item } from './types.js';

/** What an element must offer for a {@link FeedController} to feed it. */
export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  /** The feed URL; empty to read an inline `<script type="application/feed+json">` child. */
  src: string;
  /** Seconds between refreshes; 0 loads once. */
  refresh: number;
  /** Data the page already has: a JSON Feed object or text, or a parsed {@link Feed}. */
  feed?: unknown;
  /** Optional URL template with `{url}`, for feeds that must be fetched through a proxy. */
  proxy?: string;
  /** The items this element shows from a feed; none means the `empty` state. */
  selectItems(items: Item[]): Item[];
}

/** Keys no input can equal: nothing read yet, and no source given yet (the page may set one later). */
const UNREAD = Symbol();
const IDLE = Symbol();
const logged = new WeakSet<FeedError>();

/**
 * Gives an element its feed as `{ status, feed, items, error }`, from the `feed` property, the
 * `src` attribute (through the page's shared {@link FeedStore}) or an inline feed, and tells the
 * page with `news-load` and `news-error` events. Elements never fetch by themselves.
 */
export class FeedController implements ReactiveController {
  status: FeedStatus = 'loading';
  feed?: Feed;
  items: Item[] = [];
  error?: FeedError;

  /** What the feed was last read from; `UNREAD` until it has been. */
  #key: unknown = UNREAD;
  #url?: string;
  #unsubscribe?: () => void;

  constructor(
    private readonly host: FeedHost,
    private readonly store: FeedStore = feedStore,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // With no source yet, decide in the update: a page that appends the element and then sets
    // `src` in the same task must not see a "no src" error first.
    if (this.host.src || this.host.feed != null) this.#sync();
    else this.host.requestUpdate();
  }

  hostDisconnected() {
    // Keep the feed: an element moved in the page reconnects at once and must not announce it again.
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  hostUpdate() {
    this.#sync();
    this.items = this.feed ? this.host.selectItems(this.feed.items) : [];
    const { feed, error, items } = this;
    this.status = feed ? (items.length ? 'ready' : 'empty') : error ? 'error' : this.#key === IDLE ? 'idle' : 'loading';
  }

  /** Loads the feed again now: what the Retry button does. */
  retry() {
    if (this.#url) this.store.reload(this.#url);
    else {
      this.#key = UNREAD;
      this.host.requestUpdate();
    }
  }

  /** Follows the host's inputs; does nothing while they are unchanged. */
  #sync() {
    // A detached element reads nothing: it would hold a subscription nobody ends.
    if (!this.host.isConnected) return;
    const { src, refresh, feed, proxy } = this.host;
    if (!src && feed == null && document.readyState === 'loading') {
      // Upgraded before the parser reached (all of) the inline feed: read it once the page is parsed.
      document.addEventListener('DOMContentLoaded', this.#onParsed, { once: true });
      return;
    }
    const inline = !src && feed == null ? this.#inline() : undefined;
    const key = feed ?? (src ? `src ${src} ${refresh} ${proxy ?? ''}` : inline !== undefined ? `inline ${inline}` : IDLE);
    if (key === this.#key) {
      if (this.#url && !this.#unsubscribe) this.#subscribe(this.#url, refresh);
      return;
    }
    this.#key = key;
    this.#unsubscribe?.();
    this.#unsubscribe = this.#url = undefined;
    this.feed = undefined;
    this.error = undefined;
    if (feed != null) return this.#parse(feed);
    if (inline !== undefined) return this.#parse(inline);
    // Neither src nor feed: a page that sets `feed` from script later is not an error.
    if (key === IDLE) return;
    const target = safeUrl(src);
    if (!target) return this.#fail(new FeedError('invalid-url', `"${src}" is not an http or https URL`));
    const url = proxy ? safeUrl(proxy.replace('{url}', encodeURIComponent(target))) : target;
    if (!url || (proxy && !proxy.includes('{url}'))) {
      return this.#fail(new FeedError('invalid-url', `proxy "${proxy}" must be an http or https URL containing {url}`));
    }
    this.#subscribe(url, refresh);
  }

  #subscribe(url: string, refresh: number) {
    this.#url = url;
    this.#unsubscribe = this.store.subscribe(url, this.#onSnapshot, refresh > 0 ? refresh : 0);
  }

  #onParsed = () => this.host.requestUpdate();

  #inline(): string | undefined {
    return this.host.querySelector(':scope > script[type="application/feed+json"]')?.textContent ?? undefined;
  }

  #parse(value: unknown) {
    try {
      // Text may be any format (an inline RSS feed too); an object can only be a JSON Feed.
      const feed = isFeed(value) ? value : typeof value === 'string' ? readFeed(value) : parseFeed(value);
      this.#onSnapshot({ feed, loading: false });
    } catch (error) {
      this.#fail(error instanceof FeedError ? error : new FeedError('not-a-feed', String(error)));
    }
  }

  #fail(error: FeedError) {
    this.#onSnapshot({ error, loading: false });
  }

  #onSnapshot = ({ feed, error }: Snapshot) => {
    const newFeed = feed !== this.feed;
    const newError = error !== undefined && error !== this.error;
    this.feed = feed;
    this.error = error;
    this.host.requestUpdate();
    if (newFeed && feed) this.host.dispatchEvent(new NewsLoadEvent(feed));
    if (newError) {
      // Many elements may share one failing feed: the console hears about it once.
      if (!logged.has(error)) console.error(`[feedlets] <${this.host.localName}>: ${error.message}`);
      logged.add(error);
      this.host.dispatchEvent(new NewsErrorEvent(error));
    }
  };
}
