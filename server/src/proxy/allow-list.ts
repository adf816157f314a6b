/** The feeds a proxy may fetch, parsed once from `allowFeed`. */
export interface AllowList {
  /** Whether `url` (already parsed, without fragment) may be fetched. */
  allows(url: URL): boolean;
  /**
   * Whether an entry names the origin (`http://vm:8080`), so it may be on this machine or its
   * private network: the operator said where it is.
   */
  namesOrigin(origin: string): boolean;
}

/** Parses one `allowFeed` entry; throws with the fix in words when it cannot be used. */
function parseEntry(entry: string): { prefix?: string; exact?: string; url: URL } {
  const wildcard = entry.endsWith('/*');
  let url: URL;
  try {
    url = new URL(wildcard ? entry.slice(0, -1) : entry);
  } catch {
    throw new TypeError(
      `allowFeed entry "${entry}" is not an absolute URL: write https://host/feed.json or https://host/*`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`allowFeed entry "${entry}" must be an http or https URL`);
  }
  if (url.username || url.password) {
    throw new TypeError(`allowFeed entry "${entry}" must not contain a user name or password`);
  }
  if (url.href.includes('*')) {
    throw new TypeError(
      `allowFeed entry "${entry}" may only end in /*: list each host, wildcard hosts are not supported`,
    );
  }
  url.hash = '';
  // The prefix ends in "/", so https://host/* cannot match https://host.evil.example/.
  return wildcard ? { prefix: url.href, url } : { exact: url.href, url };
}

/**
 * Builds the allow list from exact feed URLs (`https://host/feed.json`) and prefix patterns ending
 * in `/*` (`https://host/*`, `https://host/feeds/*`). URLs are compared after WHATWG
 * normalisation, so `HTTPS://Host:443/feed.json` and `https://host/feed.json` are one entry.
 */
export function parseAllowList(entries: readonly string[]): AllowList {
  const parsed = entries.map(parseEntry);
  const origins = new Set(parsed.map(({ url }) => url.origin));
  return {
    allows: (url) => parsed.some(({ prefix, exact }) => (prefix ? url.href.startsWith(prefix) : url.href === exact)),
    namesOrigin: (origin) => origins.has(origin),
  };
}
