import { FeedError } from './feed-error.js';
import { markNormalised, toDate, toTags, warnSkipped, withDefined } from './normalise.js';
import { safeUrl } from './safe-url.js';
import { authorSchema, feedSchema, itemSchema, reviewSchema, type RawItem } from './schema.js';
import { TEXT_MAX, TITLE_MAX, clip, decodeEntities, htmlToText, squash } from './text.js';
import type { Author, Feed, Item, Review } from './types.js';

/** Options for {@link parseFeed}. */
export interface ParseOptions {
  /** Where the feed came from: relative URLs resolve against it, and messages name it. */
  baseUrl?: string;
}

export { isFeed } from './normalise.js';

/** A string field, or nothing: real feeds put `null`, numbers and objects where text belongs. */
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function toAuthors(value: unknown, base?: string): Author[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const authors: Author[] = [];
  for (const raw of list.slice(0, 20)) {
    const parsed = authorSchema.safeParse(raw);
    const name = parsed.success ? clip(squash(decodeEntities(str(parsed.data.name) ?? '')), 100) : '';
    if (!parsed.success || !name) continue;
    const author: Author = { name };
    const url = safeUrl(parsed.data.url, base, true);
    const avatar = safeUrl(parsed.data.avatar, base);
    if (url) author.url = url;
    if (avatar) author.avatar = avatar;
    authors.push(author);
  }
  return authors;
}

function excerpt(raw: RawItem): () => string {
  let text: string | undefined;
  // content_html needs an HTML parser; most items are never shown, so parse on first read.
  return () =>
    (text ??= clip(
      squash(decodeEntities(str(raw.summary) || str(raw.content_text) || '')) ||
        htmlToText(str(raw.content_html) ?? ''),
      TEXT_MAX,
    ));
}

function toItem(raw: RawItem, base: string | undefined, feedAuthors: Author[]): Item {
  const title = clip(squash(decodeEntities(str(raw.title) ?? '')), TITLE_MAX);
  const itemAuthors = toAuthors(raw.authors ?? raw.author, base);
  const review = reviewSchema.safeParse(raw._review).data;
  const text = excerpt(raw);
  const item: Item = {
    id: String(raw.id),
    title,
    get text() {
      const value = text();
      Object.defineProperty(this, 'text', { value, enumerable: true });
      return value;
    },
    tags: toTags(raw.tags),
    authors: itemAuthors.length ? itemAuthors : feedAuthors,
  };
  return withDefined(item, {
    url: safeUrl(raw.url, base) ?? safeUrl(raw.external_url, base),
    image: safeUrl(raw.image, base) ?? safeUrl(raw.banner_image, base),
    published: toDate(raw.date_published),
    modified: toDate(raw.date_modified),
    language: str(raw.language),
    review: review && withDefined<Review>({ rating: review.rating }, { item: str(review.item) }),
  });
}

function describe(error: { path: PropertyKey[] }[]): string {
  const key = String(error[0]?.path[0] ?? '');
  if (key === 'items') return '`items` must be an array';
  if (key === 'version') return '`version` must be a JSON Feed version URL such as https://jsonfeed.org/version/1.1';
  return 'expected an object with `version` and `items`';
}

/**
 * Validates and normalises a JSON Feed (1.0 or 1.1) given as text or as parsed JSON.
 * Items that cannot be shown are skipped with one console warning; the feed itself is rejected
 * only when it is not a JSON Feed at all.
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
      throw new FeedError('not-json', `${source} is not valid JSON, so it cannot be read as a JSON Feed`, base);
    }
  }
  const parsed = feedSchema.safeParse(data);
  if (!parsed.success) {
    throw new FeedError('not-a-feed', `${source} is JSON but not a JSON Feed: ${describe(parsed.error.issues)}`, base);
  }
  const raw = parsed.data;
  const feedAuthors = toAuthors(raw.authors ?? raw.author, base);
  const items: Item[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  raw.items.forEach((value, index) => {
    const result = itemSchema.safeParse(value);
    const item = result.success ? result.data : undefined;
    const id = typeof item?.id === 'string' || typeof item?.id === 'number' ? String(item.id).trim() : '';
    let why = '';
    if (!item) why = 'not an object';
    else if (!id) why = 'no id';
    else if (seen.has(id)) why = `duplicate id "${clip(id, 40)}"`;
    else if (![item.title, item.summary, item.content_text, item.content_html].some((field) => str(field)?.trim()))
      why = 'no title or text';
    if (why || !item) {
      skipped.push(`#${index + 1} (${why})`);
      return;
    }
    seen.add(id);
    items.push(toItem(item, base, feedAuthors));
  });
  warnSkipped(source, skipped);
  const feed: Feed = {
    title: clip(squash(decodeEntities(str(raw.title) ?? '')), TITLE_MAX),
    items,
  };
  withDefined(feed, {
    homePageUrl: safeUrl(raw.home_page_url, base),
    feedUrl: safeUrl(raw.feed_url, base),
    nextUrl: safeUrl(raw.next_url, base),
    language: str(raw.language),
  });
  return markNormalised(feed);
}
