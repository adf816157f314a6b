import { createHash } from 'node:crypto';
import { Agent, buildConnector } from 'undici';
import { parseAllowList } from './allow-list.js';
import { FeedCache, type CachedFeed } from './cache.js';
import { ProxyError } from './errors.js';
import { guardedConnector, systemLookup, type Connector, type Lookup } from './guarded-connector.js';
import { checkTarget } from './target.js';
import { fetchUpstream } from './upstream.js';

/** How `createProxy` is configured. Only `allowFeed` is needed; the rest have working defaults. */
export interface ProxyOptions {
  /**
   * The feeds it may fetch (the CLI's repeatable `--allow-feed`): exact URLs
   * (`https://example.com/feed.json`) or prefixes ending in `/*` (`https://example.com/*`,
   * `https://example.com/feeds/*`), http or https. Empty: every request is refused (403).
   * An origin listed here may be on this machine or its private network, by address or by name
   * (`http://127.0.0.1:8080/*`, `http://vm:3000/feed.xml`): the proxy connects to whatever its name
   * resolves to, so list names whose DNS you trust. Loopback and private addresses of any other
   * origin are refused, and link-local (cloud metadata), multicast and reserved addresses always,
   * also after DNS and on redirects.
   */
  allowFeed: readonly string[];
  /** How long an answer is served from memory before it is revalidated upstream (the CLI's `--proxy-ttl`). Default 60. */
  ttlSeconds?: number;
  /** The largest feed passed on, in bytes; larger ones are cut off and answered 502. Default 5,000,000. */
  maxBytes?: number;
  /** The most one upstream fetch may take, redirects and body included; then 504. Default 10,000. */
  timeoutMs?: number;
  /** How many feeds the memory cache holds at most. Default 200. */
  cacheEntries?: number;
  /** How many body bytes the memory cache holds at most. Default 50,000,000. */
  cacheBytes?: number;
  /** Resolves host names to every address they have (seam for tests). Default: `dns.lookup` with `all: true`. */
  lookup?: Lookup;
  /**
   * Opens a socket to an address the proxy has already checked (seam for tests: it sees every
   * connection the proxy makes). Default: undici's `buildConnector()`.
   */
  connect?: Connector;
  /** The clock the cache's ttl is measured with, in ms (seam for tests). Default `Date.now`. */
  now?: () => number;
}

/** The fetch handler `createProxy` returns; `close()` ends its upstream connections. */
export interface ProxyHandler {
  (request: Request): Promise<Response>;
  close(): Promise<void>;
}

// Whatever the feed holds, a browser must never run it as a page or guess another type.
const SAFE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
};

function errorResponse(error: ProxyError): Response {
  return Response.json(
    { error: error.message },
    { status: error.status, headers: { ...SAFE_HEADERS, 'cache-control': 'no-store', ...error.headers } },
  );
}

/** Weak comparison, as RFC 9110 asks for If-None-Match. */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

/** An option that must be a number of at least `min`, or its default; throws naming the option. */
function numberOption(options: ProxyOptions, name: keyof ProxyOptions, fallback: number, min: number): number {
  const value = options[name] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new TypeError(`${name} must be a number of at least ${min}, not ${String(value)}`);
  }
  return value;
}

function strongEtag(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Creates the feed proxy behind `GET /api/proxy?url=<feed URL>`, for widgets whose feed has no
 * CORS headers: `<news-ticker src="https://example.com/feed.json"
 * proxy="https://your-server/api/proxy?url={url}">`. It is a standard fetch handler: mount it on
 * any route; it reads only the `url` search parameter.
 *
 * It fetches only feeds `allowFeed` allows, never connects to link-local or multicast addresses,
 * nor to loopback or private ones unless `allowFeed` names that origin (checked on the address DNS
 * returned, inside the connection, on every redirect), passes on only JSON Feed, RSS, Atom and XML,
 * at most `maxBytes`, within `timeoutMs`.
 * Answers are kept in memory for `ttlSeconds`, then revalidated upstream with its ETag and
 * Last-Modified; concurrent requests for one feed share one upstream fetch. Each answer carries the
 * proxy's own strong ETag (If-None-Match gives 304), `Cache-Control: public, max-age=<ttl>`,
 * `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none'`. Errors are
 * JSON `{ "error": "…" }`: 400 bad `url`, 403 not allowed or a refused address, 404/410 as the
 * upstream said, 502 any other upstream failure, 504 timeout. CORS is the mounting router's job.
 *
 * @throws TypeError when an `allowFeed` entry cannot be used (naming the entry and the fix), or a
 *   number option is negative or not a number.
 */
export function createProxy(options: ProxyOptions): ProxyHandler {
  const allowList = parseAllowList(options.allowFeed);
  const ttlMs = numberOption(options, 'ttlSeconds', 60, 0) * 1000;
  const maxBytes = numberOption(options, 'maxBytes', 5_000_000, 1);
  const timeoutMs = numberOption(options, 'timeoutMs', 10_000, 1);
  const now = options.now ?? Date.now;
  const cache = new FeedCache(
    numberOption(options, 'cacheEntries', 200, 0),
    numberOption(options, 'cacheBytes', 50_000_000, 0),
  );
  const inflight = new Map<string, Promise<CachedFeed>>();
  const dispatcher = new Agent({
    connect: guardedConnector({
      lookup: options.lookup ?? systemLookup,
      connect: options.connect ?? buildConnector({ timeout: timeoutMs }),
      namesOrigin: allowList.namesOrigin,
    }),
  });

  async function refresh(url: URL, stale: CachedFeed | undefined): Promise<CachedFeed> {
    const result = await fetchUpstream(url, {
      dispatcher,
      allowList,
      maxBytes,
      timeoutMs,
      validators: stale?.validators,
    });
    let entry: CachedFeed;
    if (result.status === 'fresh') {
      entry = {
        body: result.body,
        contentType: result.contentType,
        etag: strongEtag(result.body),
        validators: result.validators,
        checkedAt: now(),
      };
    } else if (stale) {
      entry = { ...stale, validators: result.validators, checkedAt: now() };
    } else {
      throw new ProxyError(502, `${url.href} answered 304 Not Modified to an unconditional request`);
    }
    cache.set(url.href, entry);
    return entry;
  }

  function load(url: URL): Promise<CachedFeed> {
    const key = url.href;
    const cached = cache.get(key);
    if (cached && now() - cached.checkedAt < ttlMs) return Promise.resolve(cached);
    let pending = inflight.get(key);
    if (!pending) {
      pending = refresh(url, cached).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  }

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(new ProxyError(405, `The proxy answers GET, not ${request.method}`, { allow: 'GET, HEAD' }));
    }
    try {
      const raw = new URL(request.url).searchParams.get('url');
      if (!raw)
        throw new ProxyError(
          400,
          'Add ?url= with the address of the feed to fetch, e.g. ?url=https%3A%2F%2Fexample.com%2Ffeed.json',
        );
      const feed = await load(checkTarget(raw, undefined, allowList, 'Cannot proxy '));
      const headers = {
        ...SAFE_HEADERS,
        etag: feed.etag,
        'cache-control': `public, max-age=${Math.floor(ttlMs / 1000)}`,
      };
      if (matchesEtag(request.headers.get('if-none-match'), feed.etag))
        return new Response(null, { status: 304, headers });
      return new Response(request.method === 'HEAD' ? null : feed.body, {
        headers: { ...headers, 'content-type': feed.contentType, 'content-length': String(feed.body.byteLength) },
      });
    } catch (error) {
      if (error instanceof ProxyError) return errorResponse(error);
      throw error;
    }
  }

  return Object.assign(handle, { close: () => dispatcher.close() });
}
