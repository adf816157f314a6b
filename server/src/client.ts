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
