import type { Context } from 'hono';
import type { Env, Settings } from './options.js';

/**
 * The client's address: the socket's peer, or with `trustProxy` the address the reverse proxy
 * added last to `X-Forwarded-For` (entries before it are whatever the client claimed).
 */
export function clientAddress(c: Context<Env>, settings: Settings): string {
  if (settings.trustProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last;
  }
  return c.env?.address ?? 'unknown';
}

/** A host as `X-Forwarded-Host` may name it: a DNS name, IPv4 or [IPv6], and an optional port. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** The first value of a header a chain of proxies may have appended to: what the outermost one saw. */
const firstValue = (value: string | undefined) => value?.split(',')[0]?.trim().toLowerCase() || undefined;

/**
 * The URL the client asked for, as links to this server must be written: with `trustProxy`, the
 * scheme and host the reverse proxy says the client used (`X-Forwarded-Proto`, `X-Forwarded-Host`,
 * each only when it is a valid value), else the request's own (its `Host` header, over http).
 */
export function publicUrl(c: Context<Env>, settings: Settings): URL {
  const url = new URL(c.req.url);
  if (!settings.trustProxy) return url;
  const proto = firstValue(c.req.header('x-forwarded-proto'));
  if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
  const host = firstValue(c.req.header('x-forwarded-host'));
  if (host && HOST.test(host)) {
    try {
      // Parsed on its own first: the URL setters skip a bad value silently, and keep the old port.
      const forwarded = new URL(`${url.protocol}//${host}`);
      url.hostname = forwarded.hostname;
      url.port = forwarded.port;
    } catch {
      // Not a host (say, a port over 65535): the request's own stays.
    }
  }
  return url;
}

/**
 * Takes a token from each of the client's buckets for `what`; answers 0 when allowed, else the
 * seconds to wait. The buckets are rows in the store, so instances share them.
 */
export async function rateLimited(
  settings: Settings,
  what: string,
  address: string,
  limits: { perMinute: number; perDay: number },
): Promise<number> {
  const now = settings.now();
  const windows = [
    { name: 'minute', capacity: limits.perMinute, ms: 60_000 },
    { name: 'day', capacity: limits.perDay, ms: 86_400_000 },
  ].filter(({ capacity }) => capacity > 0);
  if (windows.length === 0) return 0;
  // Both buckets in one call: one database round trip per request.
  const wait = await settings.store.take(
    windows.map(({ name, capacity, ms }) => ({
      key: `${what}:${name}:${address}`,
      capacity,
      perMs: capacity / ms,
      now,
    })),
  );
  return Math.ceil(wait / 1000);
}
