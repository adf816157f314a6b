import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { FeedError } from '../../src/core/feed-error.js';
import { parseFeed } from '../../src/core/parse-feed.js';
import { TEXT_MAX, TITLE_MAX, headline } from '../../src/core/text.js';
import type { Feed } from '../../src/core/types.js';
import { HOSTILE_URLS } from '../helpers/feeds.js';

// A fixed seed keeps the suite deterministic; change it locally to explore further.
const RUNS = { seed: 20231221, numRuns: 300 };
const BASE = 'https://news.example/feeds/main.json';

const WEB = /^https?:$/;
const WEB_OR_MAIL = /^(?:https?|mailto):$/;

/** Strings that are, or nearly are, URLs: hostile, relative, odd, and ordinary ones. */
const urlish = fc.oneof(
  fc.constantFrom(
    ...HOSTILE_URLS,
    'mailto:desk@news.example',
    'ftp://files.example/x',
    'file:///etc/passwd',
    '//cdn.example/x.png',
    '/story/1',
    '../up',
    '?page=2',
    '#top',
    'http://[bad',
    ' https://news.example/padded ',
    'https://news.example/ünïcode?q=1#f',
    '&#106;avascript:alert(1)',
  ),
  fc.webUrl(),
  fc.string(),
);
const anything = fc.oneof(fc.jsonValue({ maxDepth: 3 }), urlish);
const date = fc.oneof(
  anything,
  fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) }).map((value) => value.toISOString()),
);
const author = fc.oneof(anything, fc.record({ name: anything, url: urlish, avatar: urlish }, { requiredKeys: [] }));
const authors = fc.oneof(anything, fc.array(author, { maxLength: 4 }));
const item = fc.oneof(
  anything,
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.integer(), fc.constantFrom('dup', 'dup', 1), anything),
      url: urlish,
      external_url: urlish,
      title: fc.oneof(fc.string(), anything),
      summary: fc.oneof(fc.string(), anything),
      content_text: anything,
      content_html: fc.oneof(
        fc.string(),
        fc.constantFrom('<p>x</p>', '<img src=x onerror=alert(1)>', '<script>x</script>'),
      ),
      image: urlish,
      banner_image: urlish,
      date_published: date,
      date_modified: date,
      tags: fc.oneof(anything, fc.array(fc.oneof(fc.string(), anything), { maxLength: 5 })),
      language: fc.oneof(fc.constantFrom('en', 'en_US', 'az-Latn', 'not a tag'), anything),
      author,
      authors,
      _review: fc.oneof(
        anything,
        fc.record({ rating: fc.oneof(fc.double(), fc.integer({ min: 0, max: 6 })), item: anything }),
      ),
    },
    { requiredKeys: [] },
  ),
);
const feedShaped = fc.record(
  {
    version: fc.oneof(
      fc.constantFrom(
        'https://jsonfeed.org/version/1.1',
        'https://jsonfeed.org/version/1',
        'http://jsonfeed.org/version/1',
      ),
      anything,
    ),
    title: anything,
    home_page_url: urlish,
    feed_url: urlish,
    next_url: urlish,
    language: anything,
    author,
    authors,
    items: fc.oneof(fc.array(item, { maxLength: 8 }), anything),
    _extensions: anything,
  },
  { requiredKeys: ['version', 'items'] },
);

/** Runs parseFeed and checks that it gave a Feed or threw a FeedError, nothing else. */
function feedOrFeedError(input: unknown, baseUrl?: string): Feed | undefined {
  try {
    return parseFeed(input, { baseUrl });
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    expect(['not-json', 'not-a-feed']).to.include((error as FeedError).code);
    return undefined;
  }
}

const protocol = (url: string) => new URL(url).protocol;

/** Every invariant of a normalised feed that an element relies on. */
function checkFeed(feed: Feed) {
  expect(feed.title).to.be.a('string');
  expect(feed.title.length).to.be.at.most(TITLE_MAX + 1);
  for (const url of [feed.homePageUrl, feed.feedUrl, feed.nextUrl])
    if (url !== undefined) expect(protocol(url)).to.match(WEB);
  const ids = new Set<string>();
  for (const item of feed.items) {
    expect(item.id).to.be.a('string').and.not.equal('');
    expect(ids.has(item.id), `duplicate id ${item.id}`).to.equal(false);
    ids.add(item.id);
    expect(item.title.length).to.be.at.most(TITLE_MAX + 1);
    expect(item.text).to.be.a('string');
    expect(item.text.length).to.be.at.most(TEXT_MAX + 1);
    expect(headline(item), 'every item has something to show').not.to.equal('');
    for (const url of [item.url, item.image]) if (url !== undefined) expect(protocol(url)).to.match(WEB);
    for (const author of item.authors) {
      expect(author.name).to.be.a('string').and.not.equal('');
      if (author.url !== undefined) expect(protocol(author.url)).to.match(WEB_OR_MAIL);
      if (author.avatar !== undefined) expect(protocol(author.avatar)).to.match(WEB);
    }
    expect(item.tags.every((tag) => typeof tag === 'string' && tag !== '')).to.equal(true);
    for (const when of [item.published, item.modified])
      if (when !== undefined) expect(Number.isNaN(when.getTime())).to.equal(false);
    if (item.review) expect(item.review.rating).to.be.within(1, 5);
    if (item.language !== undefined) expect(Intl.getCanonicalLocales(item.language)).to.deep.equal([item.language]);
  }
}

describe('parseFeed (properties)', () => {
  beforeEach(() => sinon.stub(console, 'warn'));
  afterEach(() => sinon.restore());

  it('gives a Feed or a FeedError for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const feed = feedOrFeedError(value);
        if (feed) checkFeed(feed);
      }),
      RUNS,
    );
  });

  it('gives a Feed or a FeedError for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const feed = feedOrFeedError(text, BASE);
        if (feed) checkFeed(feed);
      }),
      RUNS,
    );
  });

  it('normalises any feed-shaped value into a Feed whose URLs are all safe', () => {
    let feeds = 0;
    fc.assert(
      fc.property(feedShaped, fc.boolean(), fc.boolean(), (value, withBase, asText) => {
        // From its text, items are made when first read; from a value, at once.
        const feed = feedOrFeedError(asText ? JSON.stringify(value) : value, withBase ? BASE : undefined);
        if (feed) {
          feeds++;
          checkFeed(feed);
        }
      }),
      RUNS,
    );
    // The arbitraries must reach the normaliser, not only the validator.
    expect(feeds).to.be.above(RUNS.numRuns / 4);
  });

  it('reads the same feed from its JSON text as from its value', () => {
    fc.assert(
      fc.property(feedShaped, (value) => {
        const fromValue = feedOrFeedError(value, BASE);
        const fromText = feedOrFeedError(JSON.stringify(value), BASE);
        expect(JSON.stringify(fromText)).to.equal(JSON.stringify(fromValue));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
