import { clip, decodeEntities, squash } from './text.js';
import type { Feed, Item } from './types.js';

// What every feed format shares once it is read: JSON Feed (parse-feed.ts), RSS and Atom (parse-xml.ts).

const EARLIEST = Date.UTC(1900, 0, 1);
const YEAR = 365 * 24 * 3600 * 1000;
const normalised = new WeakSet<Feed>();

/** Remembers that `feed` came out of a parser, so {@link isFeed} knows it needs no parsing. */
export function markNormalised(feed: Feed): Feed {
  normalised.add(feed);
  return feed;
}

/** Whether `value` is a feed that `parseFeed` or `parseXmlFeed` produced (and so needs no parsing). */
export const isFeed = (value: unknown): value is Feed =>
  typeof value === 'object' && value !== null && normalised.has(value as Feed);

/** Copies the defined values of `extra` onto `target`, so optional fields are absent, not undefined. */
export function withDefined<T extends object>(target: T, extra: Partial<T>): T {
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** Tags as a list; some feeds give one comma-separated string. */
export function toTags(value: unknown): string[] {
  const list: unknown[] = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  return list
    .filter((tag): tag is string => typeof tag === 'string')
    .map((tag) => clip(squash(decodeEntities(tag)), 60))
    .filter(Boolean)
    .slice(0, 20);
}

/** `time` as a date the reader can trust, or nothing: unparsable and absurd dates are dropped. */
export const toTime = (time: number) => (time >= EARLIEST && time <= Date.now() + YEAR ? new Date(time) : undefined);

/** A date the reader can trust, or nothing: unparsable and absurd dates are dropped. */
export function toDate(value: unknown): Date | undefined {
  return typeof value === 'string' ? toTime(Date.parse(value)) : undefined;
}

/** Says once, in the console, which items of `source` were left out and why. */
export function warnSkipped(source: string, skipped: string[]) {
  if (!skipped.length) return;
  const list = skipped.slice(0, 10).join(', ') + (skipped.length > 10 ? ', …' : '');
  console.warn(`[feedlets] ${source}: skipped ${skipped.length} item(s): ${list}`);
}

/** A language tag `Intl` and `lang` accept (`en_US` becomes `en-US`), or nothing. */
export function toLanguage(value: string | null | undefined): string | undefined {
  try {
    return Intl.getCanonicalLocales(value?.trim().replace(/_/g, '-') || [])[0];
  } catch {
    return undefined;
  }
}

/** `item` with a `text` read by `read` on first access, then kept: most items are never shown. */
export function withLazyText(item: Omit<Item, 'text'>, read: () => string): Item {
  return Object.defineProperty(item, 'text', {
    get() {
      const value = read();
      Object.defineProperty(this, 'text', { value, enumerable: true });
      return value;
    },
    enumerable: true,
    configurable: true,
  }) as Item;
}
