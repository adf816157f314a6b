import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from './feed-error.js';
import { feedStore, type FeedStore, type Snapshot } from './feed-store.js';
import { NewsErrorEvent, NewsLoadEvent } from './events.js';
import { isFeed, parseFeed } from './parse-feed.js';
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
  /** True when the element is useful without a feed: then no source is `idle`, not an error. */
  readonly feedOptional?: boolean;
}

/** Keys that no input can equal: nothing seen yet; no source, needed or optional. */
const UNSEEN = Symbol();
const MISSING = Symbol();
const IDLE = Symbol();

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

  #key: unknown = UNSEEN;
  #idle = false;
  #awaitingParser = false;
  #url?: string;
  #unsubscribe?: () => void;

  constructor(
    private readonly host: FeedHost,
    private readonly store: FeedStore = feedStore,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Sync in the update, not here: a page that appends the element and then sets `src` in the
    // same task must not see a "no src" error first.
    this.host.requestUpdate();
  }

  hostDisconnected() {
    this.#stop();
    this.#key = UNSEEN;
  }

  hostUpdate() {
    this.#sync();
    this.items = this.feed ? this.host.selectItems(this.feed.items) : [];
    const { feed, error, items } = this;
    this.status = feed ? (items.length ? 'ready' : 'empty') : error ? 'error' : this.#idle ? 'idle' : 'loading';
  }

  /** Loads the feed again now: what the Retry button does. */
  retry() {
    if (this.#url) this.store.reload(this.#url);
    else {
      this.#key = UNSEEN;
      this.host.requestUpdate();
    }
  }

  #stop() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#url = undefined;
  }

  /** Follows the host's inputs; does nothing while they are unchanged. */
  #sync() {
    const { src, refresh, feed, proxy } = this.host;
    // A script in <head> upgrades the element before the parser reaches (or finishes) its inline feed.
    if (!src && feed == null && document.readyState === 'loading') return this.#awaitParser();
    const inline = !src && feed == null ? this.#inline() : undefined;
    const key = feed ?? (src ? `${src} ${refresh} ${proxy ?? ''}` : (inline ?? (this.host.feedOptional ? IDLE : MISSING)));
    if (key === this.#key) return;
    this.#key = key;
    this.#stop();
    this.feed = undefined;
    this.error = undefined;
    this.#idle = false;
    if (feed != null) return this.#parse(feed);
    if (inline !== undefined) return this.#parse(inline);
    if (!src) {
      if (key === IDLE) {
        this.#idle = true;
        return;
      }
      return this.#fail(
        new FeedError('invalid-url', `<${this.host.localName}> has no src and no inline <script type="application/feed+json">`),
      );
    }
    const url = safeUrl(proxy ? proxy.replace('{url}', encodeURIComponent(safeUrl(src) ?? src)) : src);
    if (!url) return this.#fail(new FeedError('invalid-url', `"${src}" is not an http or https URL`));
    this.#url = url;
    this.#unsubscribe = this.store.subscribe(url, this.#onSnapshot, refresh > 0 ? refresh : 0);
  }

  #awaitParser() {
    if (this.#awaitingParser) return;
    this.#awaitingParser = true;
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        this.#awaitingParser = false;
        this.host.requestUpdate();
      },
      { once: true },
    );
  }

  #inline(): string | undefined {
    return this.host.querySelector(':scope > script[type="application/feed+json"]')?.textContent ?? undefined;
  }

  #parse(value: unknown) {
    try {
      this.#onSnapshot({ feed: isFeed(value) ? value : parseFeed(value), loading: false });
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
      console.error(`[feedlets] <${this.host.localName}>: ${error.message}`);
      this.host.dispatchEvent(new NewsErrorEvent(error));
    }
  };
}
