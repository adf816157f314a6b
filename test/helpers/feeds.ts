/** Test fixtures written for Feedlets: small JSON Feeds built in code, so each test says what it needs. */

export interface RawItem {
  id?: unknown;
  [key: string]: unknown;
}

const DAY = 24 * 3600 * 1000;

/** A JSON Feed 1.1 object around `items` (any values: tests of sloppy feeds pass non-objects too). */
export function jsonFeed(items: unknown[], extra: Record<string, unknown> = {}) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Turan News',
    home_page_url: 'https://news.example/',
    feed_url: 'https://news.example/feed.json',
    ...extra,
    items,
  };
}

/** `n` ordinary news items, newest first, tagged round-robin with `tags`. */
export function newsItems(n: number, tags = ['Politics', 'Social', 'Economy']): RawItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `item-${i + 1}`,
    url: `https://news.example/story/${i + 1}`,
    title: `Headline number ${i + 1}`,
    summary: `Summary of story ${i + 1}.`,
    date_published: new Date(Date.UTC(2023, 11, 21, 17, 11) - i * DAY).toISOString(),
    tags: [tags[i % tags.length]!],
    authors: [{ name: `Reporter ${i + 1}` }],
  }));
}

/** Hostile strings a feed can carry: each would call `window.__pwned()` if it ever ran. */
export const HOSTILE_TEXT = [
  '<img src=x onerror="window.__pwned()">',
  '<script>window.__pwned()</script>',
  '"><svg onload=window.__pwned()>',
  '<a href="javascript:window.__pwned()">click</a>',
];

export const HOSTILE_URLS = [
  'javascript:window.__pwned()',
  'JaVaScRiPt:window.__pwned()',
  'java\tscript:window.__pwned()',
  '  javascript:window.__pwned()',
  '\u0001javascript:window.__pwned()',
  'data:text/html,<script>window.__pwned()</script>',
  'vbscript:msgbox(1)',
];

/** Review items for `<news-reviews>`, one per rating, newest first; `about` sets `_review.item`. */
export function reviewItems(ratings: number[], about?: string): RawItem[] {
  return ratings.map((rating, i) => ({
    id: `review-${i + 1}`,
    content_text: `Review number ${i + 1}.`,
    date_published: new Date(Date.UTC(2023, 11, 21, 17, 11) - i * 3600 * 1000).toISOString(),
    authors: [{ name: `Reader ${i + 1}` }],
    _review: about === undefined ? { rating } : { rating, item: about },
  }));
}
