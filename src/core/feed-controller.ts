import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError } from './feed-error.js';
import { feedStore, type FeedStore, type Snapshot } from './feed-store.js';
import { feedStoreContext } from './feed-store-context.js';
import { NewsErrorEvent, NewsLoadEvent } from './events.js';
import { isFeed, parseFeed } from './parse-feed.js';
import { readText } from './read-feed.js';
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

/** `url` resolved against the page, to compare URLs however a feed wrote them. */
const absolute = (url: string) => new URL(url, document.baseURI).href;

/** `items` without repeated ids: a later page can repeat an item that moved while paging. */
function unique(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && !!seen.add(item.id));
}

/**
 * Gives an element its feed as `{ status, feed, items, error }`, from the `feed` property, the
 * `src` attribute (through a {@link FeedStore}) or an inline feed, loads further pages
 * (`next_url`) with {@link loadMore}, and tells the page with `news-load` and `news-error`
 * events. Elements never fetch by themselves. The store is `store` when given, else the one an
 * ancestor provides through `feedStoreContext`, else the page-wide `feedStore`.
 */
export class FeedController implements ReactiveController {
  status: FeedStatus = 'loading';
  feed?: Feed;
  /** The items the host chose from the feed and the further pages loaded, each id once. */
  items: Item[] = [];
  error?: FeedError;
  /** Why the last further page failed; its URL stays, so {@link loadMore} tries it again. */
  pageError?: FeedError;

  /** What the feed was last read from; `UNREAD` until it has been. */
  #key: unknown = UNREAD;
  #url?: string;
  /** The feed's own URL (`src`), before any proxy. */
  #source?: string;
  #unsubscribe?: () => void;
  /** The store the subscription was made with. */
  #subscribed?: FeedStore;
  readonly #store?: FeedStore;
  /** The store an ancestor provides, and how to stop hearing from it. */
  #provided?: FeedStore;
  #release?: () => void;

  /** Items of the further pages loaded. */
  #more: Item[] = [];
  /** The URL of the next page once a further page is loaded ('' when it was the last). */
  #next?: string;
  /** Every page URL read or met as the feed's own (`feed_url`): paging ends at a repeat. */
  readonly #read = new Set<string>();
  #paging?: AbortController;

  constructor(
    private readonly host: FeedHost,
    store?: FeedStore,
  ) {
    this.#store = store;
    host.addController(this);
  }

  /** The store loads go through. */
  get store(): FeedStore {
    return this.#store ?? this.#provided ?? feedStore;
  }

  /** Whether a further page is on its way. */
  get paging(): boolean {
    return !!this.#paging;
  }

  /** Whether the feed names a further page (`next_url`) that has not been read. */
  get hasMore(): boolean {
    return !!this.#nextUrl;
  }

  hostConnected() {
    // Ask an ancestor for its store first (a `ContextConsumer` would do the same, in more bytes).
    if (!this.#store) this.host.dispatchEvent(new ContextEvent(feedStoreContext, this.host, this.#onStore, true));
    // With no source yet, decide in the update: a page that appends the element and then sets
    // `src` in the same task must not see a "no src" error first.
    if (this.host.src || this.host.feed != null) this.#sync();
    else this.host.requestUpdate();
  }

  hostDisconnected() {
    this.#release?.();
    this.#release = undefined;
    // Keep the feed: an element moved in the page reconnects at once and must not announce it again.
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stopPaging();
  }

  hostUpdate() {
    this.#sync();
    const all = this.feed && this.#more.length ? unique([...this.feed.items, ...this.#more]) : this.feed?.items;
    this.items = all ? this.host.selectItems(all) : [];
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

  /**
   * Loads the feed's next page (`next_url`, through the host's proxy) and adds its items, each id
   * once. Resolves with whether it did; a failure is reported like the feed's own (`news-error`)
   * and kept in {@link pageError}.
   */
  async loadMore(): Promise<boolean> {
    const next = this.#nextUrl;
    if (!next || this.#paging) return false;
    const key = this.#key;
    const request = (this.#paging = new AbortController());
    this.pageError = undefined;
    this.host.requestUpdate();
    try {
      const url = this.#through(next);
      if (!url)
        throw new FeedError('invalid-url', `proxy "${this.host.proxy}" must be an http or https URL containing {url}`);
      const page = await this.store.fetchOnce(url, request.signal);
      if (request.signal.aborted || key !== this.#key) return false;
      this.#read.add(absolute(next));
      if (page.feedUrl) this.#read.add(absolute(page.feedUrl));
      this.#more = [...this.#more, ...page.items];
      this.#next = page.nextUrl ?? '';
      return true;
    } catch (cause) {
      if (request.signal.aborted) return false;
      this.pageError =
        cause instanceof FeedError ? cause : new FeedError('network', String(cause), next, undefined, cause);
      this.#report(this.pageError);
      return false;
    } finally {
      if (this.#paging === request) this.#paging = undefined;
      this.host.requestUpdate();
    }
  }

  get #nextUrl(): string | undefined {
    const next = this.#next ?? this.feed?.nextUrl;
    if (!next) return undefined;
    if (this.#next === undefined) {
      // The first page's own URLs count as read.
      if (this.#url) this.#read.add(this.#url);
      if (this.#source) this.#read.add(this.#source);
      if (this.feed?.feedUrl) this.#read.add(absolute(this.feed.feedUrl));
    }
    return this.#read.has(absolute(next)) ? undefined : next;
  }

  #stopPaging() {
    this.#paging?.abort();
    this.#paging = undefined;
  }

  /** `url` as requested: through the host's proxy when it has one; undefined when that is not a safe URL. */
  #through(url: string): string | undefined {
    const { proxy } = this.host;
    if (!proxy) return url;
    return proxy.includes('{url}') ? safeUrl(proxy.replace('{url}', encodeURIComponent(url))) : undefined;
  }

  #onStore = (store: FeedStore, release?: () => void) => {
    // Another provider answered (one was added nearer): stop hearing from the one before.
    if (this.#release !== release) this.#release?.();
    this.#release = release;
    this.#provided = store;
    this.host.requestUpdate();
    if (this.#unsubscribe && this.#subscribed !== store) {
      // Another store for this subtree: read the feed from it.
      this.#unsubscribe();
      this.#unsubscribe = undefined;
      this.#key = UNREAD;
    }
  };

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
    const key =
      feed ?? (src ? `src ${src} ${refresh} ${proxy ?? ''}` : inline !== undefined ? `inline ${inline}` : IDLE);
    if (key === this.#key) {
      if (this.#url && !this.#unsubscribe) this.#subscribe(this.#url, refresh);
      return;
    }
    this.#key = key;
    this.#unsubscribe?.();
    this.#unsubscribe = this.#url = this.#source = undefined;
    this.feed = undefined;
    this.error = undefined;
    // Another feed: pages of the old one do not belong. A refresh of the same feed keeps them.
    this.#stopPaging();
    this.#more = [];
    this.#next = this.pageError = undefined;
    this.#read.clear();
    if (feed != null) return this.#parse(feed);
    if (inline !== undefined) return this.#parse(inline);
    // Neither src nor feed: a page that sets `feed` from script later is not an error.
    if (key === IDLE) return;
    const target = safeUrl(src);
    if (!target) return this.#fail(new FeedError('invalid-url', `"${src}" is not an http or https URL`));
    this.#source = target;
    const url = this.#through(target);
    if (!url) {
      return this.#fail(new FeedError('invalid-url', `proxy "${proxy}" must be an http or https URL containing {url}`));
    }
    this.#subscribe(url, refresh);
  }

  #subscribe(url: string, refresh: number) {
    this.#url = url;
    this.#subscribed = this.store;
    this.#unsubscribe = this.#subscribed.subscribe(url, this.#onSnapshot, refresh > 0 ? refresh : 0);
  }

  #onParsed = () => this.host.requestUpdate();

  #inline(): string | undefined {
    return this.host.querySelector(':scope > script[type="application/feed+json"]')?.textContent ?? undefined;
  }

  #parse(value: unknown) {
    const failed = (error: unknown) =>
      this.#fail(error instanceof FeedError ? error : new FeedError('not-a-feed', String(error)));
    try {
      // Text may be any format (an inline RSS feed too); an object can only be a JSON Feed.
      const feed = isFeed(value) ? value : typeof value === 'string' ? readText(value) : parseFeed(value);
      if (!(feed instanceof Promise)) return this.#onSnapshot({ feed, loading: false });
      // RSS or Atom, read once the XML reader arrives: unless the input changed meanwhile.
      const key = this.#key;
      feed.then(
        (read) => this.#key === key && this.#onSnapshot({ feed: read, loading: false }),
        (error: unknown) => this.#key === key && failed(error),
      );
    } catch (error) {
      failed(error);
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
    if (newError) this.#report(error);
  };

  #report(error: FeedError) {
    // Many elements may share one failing feed: the console hears about it once.
    if (!logged.has(error)) console.error(`[feedlets] <${this.host.localName}>: ${error.message}`);
    logged.add(error);
    this.host.dispatchEvent(new NewsErrorEvent(error));
  }
}
