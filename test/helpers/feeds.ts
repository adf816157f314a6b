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
  'VBScript:msgbox(1)',
];

/**
 * Schemes hidden behind character references. In a feed (JSON or XML text) they are never decoded
 * into a scheme, so they resolve as odd relative paths: harmless http(s) links, never javascript:.
 */
export const ENCODED_URLS = ['&#106;avascript:window.__pwned()', 'javascript&colon;window.__pwned()'];

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

/** Items carrying every hostile URL in `url`, `external_url`, `image` and author URLs, and hostile text everywhere. */
export function hostileItems(tags = ['Politics']): RawItem[] {
  return [...HOSTILE_URLS, ...ENCODED_URLS].map((url, i) => ({
    id: `hostile-${i}`,
    url,
    external_url: url,
    image: url,
    banner_image: url,
    title: HOSTILE_TEXT[i % HOSTILE_TEXT.length],
    summary: HOSTILE_TEXT[(i + 1) % HOSTILE_TEXT.length],
    content_html: HOSTILE_TEXT.join(' '),
    tags: [...tags, HOSTILE_TEXT[(i + 2) % HOSTILE_TEXT.length]],
    authors: [{ name: HOSTILE_TEXT[(i + 3) % HOSTILE_TEXT.length], url, avatar: url }],
    date_published: new Date(Date.UTC(2023, 11, 21) - i * DAY).toISOString(),
  }));
}

/**
 * Items as real feeds get them wrong: a duplicate id, `null` and wrongly typed fields, invalid
 * dates, tags as one string, and entries that are not items at all. The usable text of each is in
 * its words "usable", so tests can check that it shows.
 */
export function messyItems(): unknown[] {
  return [
    { id: 'm1', title: null, summary: 'usable summary one', tags: ['Politics'], date_published: 'yesterday' },
    { id: 'm1', title: 'Duplicate id never shown', tags: ['Politics'] },
    {
      id: 7,
      title: 42,
      content_text: 'usable text seven',
      tags: [null, 5, {}, 'Social'],
      date_published: 12345,
      url: {},
    },
    {
      id: 'm3',
      title: { text: 'object' },
      summary: null,
      content_html: '<p>usable <b>html</b> three</p>',
      tags: 'Economy, Social',
      date_modified: 'not a date',
      date_published: '2023-02-30T25:61:00Z',
      url: null,
      language: 42,
      authors: null,
    },
    { id: 'm4', title: 'usable title four', tags: null, date_published: null, image: 123, author: 'a string' },
    { id: 'm5', title: ['usable'], summary: 'usable summary five', tags: {}, date_published: '9999-01-01T00:00:00Z' },
    null,
    'not an item',
    42,
    { title: 'No id never shown' },
    { id: 'm6' },
  ];
}
