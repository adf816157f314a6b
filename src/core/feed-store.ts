import { FeedError } from './feed-error.js';
import { decodeFeed, readText } from './read-feed.js';
import type { Feed } from './types.js';

/** What the store knows about one feed URL. `feed` is the last good feed, kept through failures. */
export interface Snapshot {
  feed?: Feed;
  error?: FeedError;
  loading: boolean;
}

export type SnapshotListener = (snapshot: Snapshot) => void;

/** Settings of a {@link FeedStore}; the defaults suit pages, tests tighten them. */
export interface FeedStoreOptions {
  /** Milliseconds before a request is abandoned with `timeout`. Default 15 000. */
  timeout?: number;
  /** Largest body accepted, in bytes; larger is refused with `too-large`. Default 5 MB. */
  maxBytes?: number;
  /** Where the last good feed is kept so a reload paints at once; `null` keeps nothing. */
  storage?: Storage | null;
}

const MAX_BACKOFF = 3600_000;
const STORED_MAX = 1_000_000;

function sessionStore(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // Sandboxed frames throw on access.
  }
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return ms > 0 ? Math.min(ms, MAX_BACKOFF) : undefined;
}

const hidden = () => document.visibilityState === 'hidden';

/** The key of a feed: its absolute URL, so `/feed.json` and `https://site/feed.json` share a request. */
const absolute = (url: string) => new URL(url, document.baseURI).href;

/** One feed URL shared by every element that reads it: one request, one timer, one result. */
class Source {
  snapshot: Snapshot = { loading: true };
  readonly #listeners = new Map<SnapshotListener, number>();
  #request?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;
  #failures = 0;
  #retryAfter?: number;
  #etag?: string;
  #lastModified?: string;
  #body?: string;
  #waitingForVisible = false;
  /** Whether a load has finished (well or not) since the source was created. */
  #loaded = false;

  constructor(
    readonly url: string,
    readonly options: Required<FeedStoreOptions>,
    readonly onEmpty: () => void,
  ) {
    this.#restore();
  }

  get #sameOrigin() {
    return new URL(this.url).origin === location.origin;
  }

  /** The shortest refresh any reader asked for, in milliseconds; 0 when none polls. */
  get #interval() {
    const periods = [...this.#listeners.values()].filter((seconds) => seconds > 0);
    return periods.length ? Math.min(...periods) * 1000 : 0;
  }

  add(listener: SnapshotListener, refresh: number) {
    this.#listeners.set(listener, refresh);
    if (this.snapshot.feed || this.snapshot.error) listener(this.snapshot);
    if (this.#request || this.#timer || this.#waitingForVisible) return;
    // A late or moved reader takes the current result; it refetches only on its refresh timer.
    if (this.#loaded) this.#schedule();
    else void this.load();
  }

  remove(listener: SnapshotListener) {
    this.#listeners.delete(listener);
    // A moved element disconnects and reconnects in one task: wait before tearing down.
    queueMicrotask(() => {
      if (this.#listeners.size) return;
      this.#request?.abort();
      clearTimeout(this.#timer);
      this.#timer = undefined;
      document.removeEventListener('visibilitychange', this.#onVisible);
      this.onEmpty();
    });
  }

  /** Fetches now, unless a request is already on its way. */
  async load() {
    if (this.#request) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waitingForVisible = false;
    document.removeEventListener('visibilitychange', this.#onVisible);
    const request = new AbortController();
    this.#request = request;
    const timeout = this.#deadline(request);
    try {
      const feed = await this.#fetch(request.signal);
      this.#failures = 0;
      this.#retryAfter = undefined;
      if (feed) this.#publish({ feed, loading: false });
      else if (this.snapshot.error || this.snapshot.loading)
        this.#publish({ feed: this.snapshot.feed, loading: false });
    } catch (cause) {
      if (request.signal.aborted && !(request.signal.reason instanceof FeedError)) return; // torn down
      const error = this.#feedError(request.signal.aborted ? request.signal.reason : cause);
      this.#failures++;
      this.#publish({ feed: this.snapshot.feed, error, loading: false });
    } finally {
      clearTimeout(timeout);
      if (this.#request === request) this.#request = undefined;
    }
    this.#loaded = true;
    if (!request.signal.aborted || request.signal.reason instanceof FeedError) this.#schedule();
  }

  /** Fetches once for a caller that keeps the result: nothing is published, scheduled or saved. */
  async fetchOnce(signal?: AbortSignal): Promise<Feed> {
    const request = new AbortController();
    const abort = () => request.abort(signal?.reason);
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    const timeout = this.#deadline(request);
    try {
      const feed = await this.#fetch(request.signal);
      if (!feed)
        throw new FeedError('http', `${this.url} answered 304 to a request that was not conditional`, this.url, 304);
      return feed;
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      throw this.#feedError(request.signal.aborted ? request.signal.reason : cause);
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', abort);
    }
  }

  /** Abandons `request` with `timeout` when the server takes too long. */
  #deadline(request: AbortController) {
    return setTimeout(
      () =>
        request.abort(
          new FeedError('timeout', `${this.url} did not answer within ${this.options.timeout / 1000} s`, this.url),
        ),
      this.options.timeout,
    );
  }

  /** Every failure reaches readers as a FeedError: an element must never wait for ever on a bug. */
  #feedError(cause: unknown): FeedError {
    if (cause instanceof FeedError) return cause;
    const detail = cause instanceof Error ? ` (${cause.message})` : '';
    return new FeedError('network', `${this.url} could not be loaded${detail}`, this.url, undefined, cause);
  }

  #publish(snapshot: Snapshot) {
    this.snapshot = snapshot;
    for (const listener of this.#listeners.keys()) listener(snapshot);
  }

  #schedule() {
    const interval = this.#interval;
    if (!interval || !this.#listeners.size) return;
    const backoff = Math.min(interval * 2 ** Math.min(this.#failures, 10), Math.max(interval, MAX_BACKOFF));
    // Jitter spreads the readers of one feed out; Retry-After is a floor it never goes under.
    const delay = Math.max(backoff * (0.9 + Math.random() * 0.2), this.#retryAfter ?? 0);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!hidden()) return void this.load();
      // No polling while nobody can see the page; catch up when it is shown again.
      this.#waitingForVisible = true;
      document.addEventListener('visibilitychange', this.#onVisible);
    }, delay);
  }

  #onVisible = () => {
    if (!hidden()) void this.load();
  };

  /** Resolves with the new feed, or `undefined` when it has not changed. */
  async #fetch(signal: AbortSignal): Promise<Feed | undefined> {
    const headers: Record<string, string> = {};
    let cache: RequestCache = 'default';
    if (this.#body !== undefined) {
      // Custom headers on a cross-origin request would need a CORS preflight; there the
      // browser's own cache revalidates instead.
      if (this.#sameOrigin && (this.#etag || this.#lastModified)) {
        if (this.#etag) headers['if-none-match'] = this.#etag;
        if (this.#lastModified) headers['if-modified-since'] = this.#lastModified;
        cache = 'no-store';
      } else cache = 'no-cache';
    }
    let response: Response;
    try {
      response = await fetch(this.url, { headers, cache, signal });
    } catch (cause) {
      if (signal.aborted) throw signal.reason;
      throw await this.#networkError(cause, signal);
    }
    if (response.status === 304) return undefined;
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      this.#retryAfter = retryAfter(response.headers.get('retry-after'));
      const what = type.includes('html') ? 'an HTML page' : 'an error';
      const hint = response.status === 404 || response.status === 410 ? ': check the src URL' : '';
      throw new FeedError(
        'http',
        `${this.url} returned ${what} (status ${response.status}), not a JSON Feed${hint}`,
        this.url,
        response.status,
      );
    }
    const body = await decodeFeed(await this.#read(response, signal), type);
    if (body === this.#body) return undefined;
    // The body decides, not the content type: many servers send JSON as text/html or text/plain.
    const feed = await readText(body, { contentType: type, baseUrl: response.url || this.url });
    this.#body = body;
    this.#etag = response.headers.get('etag') ?? undefined;
    this.#lastModified = response.headers.get('last-modified') ?? undefined;
    this.#save();
    return feed;
  }

  async #read(response: Response, signal: AbortSignal): Promise<Uint8Array> {
    const max = this.options.maxBytes;
    const tooLarge = () =>
      new FeedError(
        'too-large',
        `${this.url} is larger than ${Math.round(max / 1024)} KB, the most a widget will read`,
        this.url,
      );
    if (Number(response.headers.get('content-length')) > max) {
      void response.body?.cancel();
      throw tooLarge();
    }
    const reader = response.body?.getReader();
    if (!reader) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (signal.aborted) throw signal.reason;
        const detail = cause instanceof Error ? ` (${cause.message})` : '';
        throw new FeedError(
          'network',
          `${this.url} broke off while it was being read${detail}: check your connection`,
          this.url,
          response.status,
          cause,
        );
      }
      const { done, value } = chunk;
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        void reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  /** The browser hides why a request failed; a no-cors probe tells CORS apart from a dead host. */
  async #networkError(cause: unknown, signal: AbortSignal): Promise<FeedError> {
    if (!this.#sameOrigin) {
      try {
        await fetch(this.url, { mode: 'no-cors', cache: 'no-store', signal });
        return new FeedError(
          'cors',
          `The server at ${new URL(this.url).origin} does not allow cross-origin requests for ${this.url}: serve the feed from your own site, add Access-Control-Allow-Origin, or set proxy`,
          this.url,
          undefined,
          cause,
        );
      } catch {
        if (signal.aborted) return signal.reason as FeedError;
      }
    }
    const detail = cause instanceof Error ? ` (${cause.message})` : '';
    return new FeedError(
      'network',
      `${this.url} could not be reached${detail}: check the address and your connection`,
      this.url,
      undefined,
      cause,
    );
  }

  get #storageKey() {
    return `feedlets:${this.url}`;
  }

  #restore() {
    try {
      const saved = this.options.storage?.getItem(this.#storageKey);
      if (!saved) return;
      const { body, etag, lastModified } = JSON.parse(saved) as { body: string; etag?: string; lastModified?: string };
      const feed = readText(body, { baseUrl: this.url });
      if (feed instanceof Promise) {
        // RSS or Atom: painted once the XML reader arrives, unless the network was faster. No
        // body is kept, so that an unchanged answer cannot leave the store without a feed.
        feed.then(
          (restored) =>
            this.snapshot.loading && !this.snapshot.feed && this.#publish({ feed: restored, loading: true }),
          () => {},
        );
        return;
      }
      this.snapshot = { feed, loading: true };
      this.#body = body;
      this.#etag = etag;
      this.#lastModified = lastModified;
    } catch {
      this.options.storage?.removeItem(this.#storageKey);
    }
  }

  #save() {
    const body = this.#body;
    if (!this.options.storage || !body || body.length > STORED_MAX) return;
    try {
      this.options.storage.setItem(
        this.#storageKey,
        JSON.stringify({ body, etag: this.#etag, lastModified: this.#lastModified }),
      );
    } catch {
      // Quota exceeded: the cache is an optimisation, never a requirement.
    }
  }
}

/**
 * Loads feeds for every element on the page. Keyed by absolute URL, so any number of elements
 * reading one feed share one request, one refresh timer and one result.
 */
export class FeedStore {
  readonly #sources = new Map<string, Source>();
  readonly #options: Required<FeedStoreOptions>;

  constructor(options: FeedStoreOptions = {}) {
    this.#options = {
      timeout: options.timeout ?? 15_000,
      maxBytes: options.maxBytes ?? 5_000_000,
      storage: options.storage === undefined ? sessionStore() : options.storage,
    };
  }

  /**
   * Calls `listener` with every new snapshot of `url` (resolved against the page) until the
   * returned function is called. `refresh` is in seconds; 0 loads once.
   */
  subscribe(url: string, listener: SnapshotListener, refresh = 0): () => void {
    url = absolute(url);
    let source = this.#sources.get(url);
    if (!source) {
      source = new Source(url, this.#options, () => this.#sources.delete(url));
      this.#sources.set(url, source);
    }
    source.add(listener, refresh);
    const current = source;
    return () => current.remove(listener);
  }

  /**
   * Fetches `url` once, outside any subscription, refresh or cache: a further page of a paged
   * feed (`next_url`). Rejects with a {@link FeedError}, or with `signal`'s reason when aborted.
   */
  fetchOnce(url: string, signal?: AbortSignal): Promise<Feed> {
    return new Source(url, { ...this.#options, storage: null }, () => {}).fetchOnce(signal);
  }

  /** Loads `url` again now (the Retry button), unless a request is already on its way. */
  reload(url: string) {
    void this.#sources.get(absolute(url))?.load();
  }
}

/** The page's store, shared by every element. */
export const feedStore = new FeedStore();
