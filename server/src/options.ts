import type { ReviewStore } from './store/types.js';

/** How many reviews one client address may post; see {@link HandlerOptions.rateLimit}. */
export interface RateLimit {
  /** Reviews a minute (the bucket refills one every 60 / perMinute s). 0: no minute limit. */
  perMinute: number;
  /** Reviews a day. 0: no daily limit. */
  perDay: number;
}

/** What the transport knows about the client that the `Request` does not say. */
export interface ClientInfo {
  /** The peer's IP address, from the socket. */
  address?: string;
}

/** How the review server is set up. Everything else it needs is in the store. */
export interface HandlerOptions {
  /** Where reviews (and the rate limiter's buckets) are kept. Opened by the caller. */
  store: ReviewStore;
  /** The origins (`https://my-site.example`) allowed to post and read reviews; `item` URLs must be on one. */
  sites: readonly string[];
  /** Article ids (not URLs) the sites use as `item`, accepted besides URLs on the sites. */
  itemIds?: readonly string[];
  /** The path every route but `/healthz` and `/feedlets/` lives under. Default `/api`. */
  prefix?: string;
  /** `pre` (default): reviews wait for an administrator; `post`: published at once. */
  moderation?: 'pre' | 'post';
  /** Per client address; default 5 a minute and 50 a day; `0` turns the limit off. */
  rateLimit?: RateLimit | 0;
  /**
   * Behind a reverse proxy you run: take the client address from `X-Forwarded-For` (the last entry),
   * and the scheme and host of the feed's links (`feed_url`, `next_url`) from `X-Forwarded-Proto`
   * and `X-Forwarded-Host` (the first entry, when valid). Without it those headers are ignored. Default false.
   */
  trustProxy?: boolean;
  /** The secret that signs in to `{prefix}/admin` and authorises `Authorization: Bearer`. */
  adminToken: string;
  /** The built widget files (the root package's `dist/`), served at `/feedlets/`. Node, Deno and Bun only. */
  assetsDir?: string;
  /**
   * The feed proxy, mounted at `GET {prefix}/proxy`. The CLI sets it from `--allow-feed`; without
   * it that route answers 404.
   */
  proxy?: (request: Request) => Promise<Response>;
  /** Test seam: the current time in ms since the epoch. Default `Date.now`. */
  clock?: () => number;
}

/** The defaults of {@link HandlerOptions.rateLimit}. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 5, perDay: 50 };

/**
 * A rate limit as `--rate-limit` spells it: `5/min,50/day`. A part left out keeps its default
 * (`5/min` still allows 50 a day), `0/day` turns that part off, and `0` the whole limit.
 *
 * @throws {TypeError} naming the form it takes.
 */
export function parseRateLimit(text: string): RateLimit | 0 {
  if (text.trim() === '0') return 0;
  const limit: RateLimit = { ...DEFAULT_RATE_LIMIT };
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)\s*\/\s*(min|minute|day)\s*$/.exec(part);
    if (!match) throw new TypeError(`"${text}" is not like 5/min,50/day (or 0 for no limit).`);
    limit[match[2] === 'day' ? 'perDay' : 'perMinute'] = Number(match[1]);
  }
  return limit;
}

/** Options with their defaults filled in, as the routes use them. */
export interface Settings {
  store: ReviewStore;
  sites: ReadonlySet<string>;
  itemIds: ReadonlySet<string>;
  prefix: string;
  moderation: 'pre' | 'post';
  rateLimit: RateLimit | 0;
  trustProxy: boolean;
  adminToken: string;
  now: () => number;
}

/** Checks `options` and fills in defaults; throws with the fix when one is wrong. */
export function settle(options: HandlerOptions): Settings {
  const sites = new Set<string>();
  for (const site of options.sites) {
    let origin: string;
    try {
      origin = new URL(site).origin;
    } catch {
      throw new TypeError(`The site "${site}" is not a URL: give its origin, e.g. https://my-site.example`);
    }
    if (origin === 'null') throw new TypeError(`The site "${site}" is not an http or https origin.`);
    sites.add(origin);
  }
  if (sites.size === 0) throw new TypeError('Give at least one site (the origin of the pages that show reviews).');
  if (!options.adminToken || options.adminToken.length < 16) {
    throw new TypeError('The admin token must be at least 16 characters: make one with `openssl rand -hex 24`.');
  }
  const prefix = (options.prefix ?? '/api').replace(/\/+$/, '');
  if (prefix !== '' && !/^\/[\w./-]*$/.test(prefix))
    throw new TypeError(`The prefix "${options.prefix}" must be a path such as /api.`);
  return {
    store: options.store,
    sites,
    itemIds: new Set(options.itemIds ?? []),
    prefix,
    moderation: options.moderation ?? 'pre',
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    trustProxy: options.trustProxy ?? false,
    adminToken: options.adminToken,
    now: options.clock ?? Date.now,
  };
}

/** The Hono environment the routes share: the client info the adapter passed. */
export type Env = { Bindings: ClientInfo };
