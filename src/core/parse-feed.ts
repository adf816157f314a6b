import { FeedError } from './feed-error.js';
import {
  PLACEHOLDER,
  addressHeadline,
  fileHeadline,
  isObject,
  markNormalised,
  plain,
  str,
  toDate,
  toLanguage,
  toTags,
  warnSkipped,
  withDefined,
  withLazyText,
  type Raw,
} from './normalise.js';
import { safeUrls } from './safe-url.js';

/** `safeUrl` for one feed, against its base: each distinct URL string is checked once. */
type SafeUrl = ReturnType<typeof safeUrls>;
import { jsonFeedProblem, type JsonFeedShape } from './schema.js';
import { TAG_NAME_MAX, type TagNames } from './tag-names.js';
import { NAME_MAX, REVIEW_MAX, TEXT_MAX, TITLE_MAX, clip, htmlToText } from './text.js';
import type { Author, Feed, Item, Review, ReviewSummary } from './types.js';

/** Options for {@link parseFeed}. */
export interface ParseOptions {
  /** Where the feed came from: relative URLs resolve against it, and messages name it. */
  baseUrl?: string;
}

export { isFeed } from './normalise.js';

function toAuthors(value: unknown, safe: SafeUrl): Author[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const authors: Author[] = [];
  for (const raw of list.slice(0, 20)) {
    // Some feeds give a bare name where an author object belongs.
    const fields = typeof raw === 'string' ? { name: raw } : raw;
    const name = isObject(fields) ? plain(fields.name, NAME_MAX) : '';
    if (!isObject(fields) || !name) continue;
    const author: Author = { name };
    const url = safe(fields.url, true);
    const avatar = safe(fields.avatar);
    if (url) author.url = url;
    if (avatar) author.avatar = avatar;
    authors.push(author);
  }
  return authors;
}

/** 1.1's `authors`, else 1.0's `author`, else `fallback` (the feed's authors, for an item). */
function authorsOf(raw: Raw, safe: SafeUrl, fallback: Author[] = []) {
  const authors = toAuthors(raw.authors, safe);
  if (authors.length) return authors;
  const author = toAuthors(raw.author, safe);
  return author.length ? author : fallback;
}

/** An item's plain text: an excerpt, or a whole review (readers wrote it to be read). */
function excerpt(raw: Raw, title: string): string {
  const max = raw._review ? REVIEW_MAX : TEXT_MAX;
  const summary = plain(raw.summary, max);
  return (
    (PLACEHOLDER.test(summary) ? '' : summary) ||
    plain(raw.content_text, max) ||
    clip(htmlToText(str(raw.content_html) ?? '', title), max)
  );
}

/** A feed's `_reviews`: an average from 0 to 5 and a whole count, else nothing. */
function toReviewSummary(value: unknown): ReviewSummary | undefined {
  if (!isObject(value)) return undefined;
  const { average, count } = value;
  const valid =
    typeof average === 'number' &&
    average >= 0 &&
    average <= 5 &&
    Number.isSafeInteger(count) &&
    (count as number) >= 0;
  return valid ? { average, count: count as number } : undefined;
}

/** An item's `_review`: a rating from 1 to 5, and the article it is about when given. */
function toReview(value: unknown): Review | undefined {
  const { rating, item } = isObject(value) ? value : {};
  return typeof rating === 'number' && rating >= 1 && rating <= 5
    ? withDefined<Review>({ rating }, { item: str(item) })
    : undefined;
}

/** Bounds on what one `_tag_names` can make the parser do: the entries looked at. */
const TAG_LANGUAGES_MOST = 20;
const TAGS_MOST = 200;

const nameTable = () => Object.create(null) as Record<string, string>;

/** At most `most` own entries of a JSON object, without copying a huge one first. */
function* entries(value: Raw, most: number): Generator<[string, unknown]> {
  let seen = 0;
  for (const key in value) {
    if (seen++ >= most) return;
    if (Object.hasOwn(value, key)) yield [key, value[key]];
  }
}

/**
 * A `_tag_names` (`{ "ru": { "Politics": "Политика" } }`): hostile input, so only string names
 * are kept, as plain text of at most 60 characters, from the first 20 languages of the first 200
 * tags each; anything else is dropped. `inherited` (the feed's names, for an item) fills in what
 * `value` does not name; without names of its own, an item shares the feed's.
 */
function toTagNames(value: unknown, inherited?: TagNames): TagNames | undefined {
  if (!isObject(value)) return inherited;
  const names = Object.create(null) as Record<string, Record<string, string>>;
  for (const [language, tags] of entries(value, TAG_LANGUAGES_MOST)) {
    const lang = toLanguage(language)?.toLowerCase();
    if (!lang || !isObject(tags)) continue;
    const own = (names[lang] ??= nameTable());
    for (const [tag, name] of entries(tags, TAGS_MOST)) {
      const key = plain(tag, TAG_NAME_MAX).toLowerCase();
      const text = plain(name, TAG_NAME_MAX);
      if (key && text && !(key in own)) own[key] = text;
    }
  }
  for (const lang in inherited) names[lang] = Object.assign(nameTable(), inherited[lang], names[lang]);
  return Object.keys(names).length ? names : inherited;
}

/** The address of an item's first attachment that passes the allowlist. */
function attachmentUrl(raw: Raw, safe: SafeUrl): string | undefined {
  const first = Array.isArray(raw.attachments) ? raw.attachments.find(isObject) : undefined;
  return first ? safe(first.url) : undefined;
}

/** What every item of a feed may take from the feed itself. */
interface FeedDefaults {
  authors: Author[];
  tagNames?: TagNames;
}

/** The item `raw` stands for; `title` when it was read already (to know the item could be shown). */
function toItem(
  raw: Raw,
  id: string,
  safe: SafeUrl,
  feed: FeedDefaults,
  title = plain(raw.title, TITLE_MAX),
  text?: string,
): Item {
  // content_html needs an HTML parser; most items are never shown, so parse on first read.
  const item = withLazyText({ id, title }, () => text ?? excerpt(raw, title)) as Item;
  item.tags = toTags(raw.tags);
  item.authors = authorsOf(raw, safe, feed.authors);
  // Set one by one, not through withDefined: this runs for every item, and an absent field stays absent.
  const url = safe(raw.url) ?? safe(raw.external_url);
  const image = safe(raw.image) ?? safe(raw.banner_image);
  const published = toDate(raw.date_published);
  const modified = toDate(raw.date_modified);
  const language = toLanguage(raw.language);
  const review = toReview(raw._review);
  const tagNames = toTagNames(raw._tag_names, feed.tagNames);
  if (url) item.url = url;
  if (image) item.image = image;
  if (published) item.published = published;
  if (modified) item.modified = modified;
  if (language) item.language = language;
  if (review) item.review = review;
  if (tagNames) item.tagNames = tagNames;
  return item;
}

/** What a plain element of an array is: what `later` turns its getter into. */
const element = (value: Item): PropertyDescriptor => ({ value, writable: true, enumerable: true, configurable: true });

/**
 * Adds to `items` an item made when first read, then kept. Most items of a large feed are never
 * shown, and each of their URLs would cost a call to the browser's URL parser: a widget showing
 * ten items makes ten. Once read (or assigned), the getter gives way to a plain array element; on
 * a frozen list it stays, and keeps returning the same item.
 */
function later(items: Item[], make: () => Item) {
  const at = items.length;
  let made: Item | undefined;
  Object.defineProperty(items, at, {
    get: () => (Reflect.defineProperty(items, at, element((made ??= make()))), made),
    set: (value: Item) => Object.defineProperty(items, at, element(value)),
    enumerable: true,
    configurable: true,
  });
}

/** Why text that is not JSON was refused, from a look at its start (which is never quoted). */
function notJson(body: string): string {
  const start = body.slice(0, 2000).toLowerCase();
  if (/<(?:rss|feed|rdf:rdf)[\s>]/.test(start))
    return "is an RSS or Atom feed, not a JSON Feed: link to the site's JSON Feed instead";
  if (/^\s*<(?:!doctype html|html|head|body)[\s>]/.test(start))
    return 'is an HTML page, not a JSON Feed: check that the URL points at the feed itself';
  return 'is not valid JSON, so it cannot be read as a JSON Feed';
}

/**
 * Validates and normalises a JSON Feed (1.0 or 1.1) given as text or as parsed JSON.
 * Items that cannot be shown are skipped with one console warning; the feed itself is rejected
 * only when it is not a JSON Feed at all. From text, each item is normalised when first read from
 * `items` (a large feed is mostly never shown); from parsed JSON, at once.
 *
 * @throws {FeedError} `not-json` or `not-a-feed`, with a message that names the source.
 */
export function parseFeed(input: unknown, options: ParseOptions = {}): Feed {
  const base = options.baseUrl;
  const source = base ?? 'The feed';
  let data = input;
  if (typeof input === 'string') {
    const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    try {
      data = JSON.parse(body);
    } catch {
      // JSON.parse's message quotes the body, which must never reach the page.
      throw new FeedError('not-json', `${source} ${notJson(body)}`, base);
    }
  }
  const problem = jsonFeedProblem(data);
  if (problem) throw new FeedError('not-a-feed', `${source} is JSON but not a JSON Feed: ${problem}`, base);
  // What makes a JSON Feed is checked; every other field is checked where it is read.
  const raw = data as Raw & JsonFeedShape;
  const safe = safeUrls(base);
  const defaults: FeedDefaults = { authors: authorsOf(raw, safe), tagNames: toTagNames(raw._tag_names) };
  const items: Item[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  // Items of JSON parsed here are made when first read, as no one else holds that JSON to change
  // it in between; a page's own object is read now.
  const add = typeof input === 'string' ? later : (list: Item[], make: () => Item) => list.push(make());
  raw.items.forEach((value, index) => {
    const item = isObject(value) ? value : undefined;
    const id = typeof item?.id === 'string' || typeof item?.id === 'number' ? String(item.id).trim() : '';
    // Only white space and references (`&…;`) can make a title come out empty: any other first
    // character says there is one, decoded when the item is made.
    const given = str(item?.title)?.trimStart();
    let title = item && (!given || given.startsWith('&')) ? plain(item.title, TITLE_MAX) : undefined;
    // An untitled item needs its text as a headline: read it now to know whether there is one.
    let text = item && id && title === '' ? excerpt(item, '') : undefined;
    // Photo and podcast items often give only a link or a file: its address is the headline.
    if (item && text === '') {
      const page = safe(item.url) ?? safe(item.external_url);
      const file = page ? undefined : attachmentUrl(item, safe);
      if (page || file) [title, text] = [page ? addressHeadline(page) : fileHeadline(file!), undefined];
    }
    let why = '';
    if (!item) why = 'not an object';
    else if (!id) why = 'no id';
    else if (seen.has(id)) why = 'duplicate id';
    else if (text === '') why = 'no title or text';
    if (why || !item) {
      skipped.push(`#${index + 1}${id ? ` "${clip(id, 60)}"` : ''} (${why})`);
      return;
    }
    seen.add(id);
    add(items, () => toItem(item, id, safe, defaults, title, text));
  });
  warnSkipped(source, skipped);
  const feed: Feed = { title: plain(raw.title, TITLE_MAX), items };
  withDefined(feed, {
    homePageUrl: safe(raw.home_page_url),
    feedUrl: safe(raw.feed_url),
    nextUrl: safe(raw.next_url),
    language: toLanguage(raw.language),
    reviews: toReviewSummary(raw._reviews),
  });
  return markNormalised(feed);
}
