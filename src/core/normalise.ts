import { TITLE_MAX, clip, decodeEntities, fixC1, squash } from './text.js';
import type { Feed, Item } from './types.js';

// What every feed format shares once it is read: JSON Feed (parse-feed.ts), RSS and Atom (parse-xml.ts).

const EARLIEST = Date.UTC(1900, 0, 1);
const YEAR = 365 * 24 * 3600 * 1000;
/**
 * The mark of a parsed feed. A registered symbol, so every copy of the library (an npm copy and
 * the script-tag bundle on one page) trusts the others' feeds, which a WeakSet per copy did not.
 * Not a structural check: an object shaped like a feed may still hold unsafe URLs and markup.
 * JSON and structured clones carry no symbols, so data from outside can never bear the mark; the
 * value is the version of the Feed model, so a copy never trusts a feed of another shape.
 */
const NORMALISED = Symbol.for('feedlets.feed');
const MODEL = 1;

/** Remembers that `feed` came out of a parser, so {@link isFeed} knows it needs no parsing. */
export function markNormalised(feed: Feed): Feed {
  return Object.defineProperty(feed, NORMALISED, { value: MODEL });
}

/** Whether `value` is a feed that `parseFeed` or `parseXmlFeed` produced (and so needs no parsing). */
export const isFeed = (value: unknown): value is Feed =>
  typeof value === 'object' && value !== null && (value as { [NORMALISED]?: unknown })[NORMALISED] === MODEL;

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
export const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string field, or nothing: real feeds put `null`, numbers and objects where text belongs. */
export const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Plain text from a field that may carry character references, at most `max` characters. Only
 * the start of a huge field is decoded: a hostile 1 MB title costs no more than a short one.
 */
export const plain = (value: unknown, max: number) =>
  clip(squash(fixC1(decodeEntities((str(value) ?? '').trimStart().slice(0, max * 8)))), max);

/** Generators fill an empty `summary` with a placeholder; it says nothing to a reader. */
export const PLACEHOLDER = /^(?:n\/?a|null|undefined|none|-+)$/i;

/** Tags as a list; some feeds give one comma-separated string. Case-insensitive duplicates go. */
export function toTags(value: unknown): string[] {
  const list: unknown[] = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  const tags: string[] = [];
  const keys: string[] = [];
  // One pass and no intermediate arrays: this runs for every item of every feed.
  for (let i = 0; i < list.length && i < 100 && tags.length < 20; i++) {
    const tag = plain(list[i], 60);
    const key = tag.toLowerCase();
    if (tag && !keys.includes(key)) {
      tags.push(tag);
      keys.push(key);
    }
  }
  return tags;
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
  // Most items have no language of their own: spare them a call into Intl.
  const tag = str(value)?.trim();
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** Where an item keeps the reader of its own text, out of sight of `Object.keys`, JSON and copies. */
const READ = Symbol('text');

/**
 * One getter shared by every item: a getter of its own would give each item its own hidden class,
 * a slow dictionary. It finds its reader on the item itself, so it works through a Proxy too.
 */
function lazyText(this: Item & { [READ]?: () => string }) {
  const value = this[READ]!();
  Object.defineProperty(this, 'text', { value, enumerable: true });
  // The reader holds the raw item: let it go.
  this[READ] = undefined;
  return value;
}

const LAZY: PropertyDescriptor = { get: lazyText, enumerable: true, configurable: true };

/** `item` with a `text` read by `read` on first access, then kept: most items are never shown. */
export function withLazyText<T extends object>(item: T, read: () => string): T & { readonly text: string } {
  Object.defineProperty(item, READ, { value: read, writable: true });
  return Object.defineProperty(item, 'text', LAZY) as T & { readonly text: string };
}

/** Decodes `%20` and the like for reading; a malformed escape is left as written. */
function readable(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A headline made from a page's address: its host and path (`photos.example/2024/06/sunset`). */
export function addressHeadline(url: string): string {
  const { host, pathname } = new URL(url);
  return plain(readable(host + pathname.replace(/\/+$/, '')), TITLE_MAX);
}

/** A headline made from a file's address: its name (`episode 3.mp3`), else its host and path. */
export function fileHeadline(url: string): string {
  const name = new URL(url).pathname.split('/').filter(Boolean).pop();
  return name ? plain(readable(name), TITLE_MAX) : addressHeadline(url);
}
