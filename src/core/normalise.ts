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

/** The fields of a JSON object, each still to be checked where it is read. */
export type Raw = Partial<Record<string, unknown>>;

/** Whether `value` is a JSON object, whose fields can be read. */
export const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string field, or nothing: real feeds put `null`, numbers and objects where text belongs. */
export const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Plain text from a field that may carry character references, at most `max` characters. Only
 * the start of a huge field is decoded: a hostile 1 MB title costs no more than a short one.
 */
export const plain = (value: unknown, max: number) =>
  clip(squash(decodeEntities((str(value) ?? '').trimStart().slice(0, max * 8))), max);

/** Generators fill an empty `summary` with a placeholder; it says nothing to a reader. */
export const PLACEHOLDER = /^(?:n\/?a|null|undefined|none|-+)$/i;

/** Tags as a list; some feeds give one comma-separated string. Case-insensitive duplicates go. */
export function toTags(value: unknown): string[] {
  const list: unknown[] = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  const tags = list
    .slice(0, 100)
    .map((tag) => plain(tag, 60))
    .filter(Boolean);
  return tags.filter((tag, i) => tags.findIndex((t) => t.toLowerCase() === tag.toLowerCase()) === i).slice(0, 20);
}

/** `time` as a date the reader can trust, or nothing: unparsable and absurd dates are dropped. */
export const toTime = (time: number) => (time >= EARLIEST && time <= Date.now() + YEAR ? new Date(time) : undefined);

/**
 * A date the reader can trust, or nothing. Unparsable and absurd dates are dropped, and so is
 * anything without a four-digit year, which Chromium's lenient parser would read as 2001.
 */
export function toDate(value: unknown): Date | undefined {
  return typeof value === 'string' && /\d{4}/.test(value) ? toTime(Date.parse(value)) : undefined;
}

/** Says once, in the console, which items of `source` were left out and why. */
export function warnSkipped(source: string, skipped: string[]) {
  if (!skipped.length) return;
  const list = skipped.slice(0, 10).join(', ') + (skipped.length > 10 ? ', …' : '');
  console.warn(`[feedlets] ${source}: skipped ${skipped.length} item(s): ${list}`);
}

/** A language tag `Intl` and `lang` accept (`en_US` becomes `en-US`), or nothing. */
export function toLanguage(value: unknown): string | undefined {
  try {
    return Intl.getCanonicalLocales(str(value)?.trim().replace(/_/g, '-') || [])[0];
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
