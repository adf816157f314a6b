import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedError } from '../../src/core/feed-error.js';
import { isFeed, parseFeed } from '../../src/core/parse-feed.js';
import { TEXT_MAX, TITLE_MAX } from '../../src/core/text.js';
import { HOSTILE_TEXT, ENCODED_URLS, HOSTILE_URLS, jsonFeed } from '../helpers/feeds.js';
import { watchPwned } from '../helpers/hostile.js';
import { watchUrlParser } from '../helpers/url-parser.js';

const BASE = 'https://news.example/feeds/main.json';
const V1 = 'https://jsonfeed.org/version/1';

/**
 * Parses a feed of `items` from its text, as feeds arrive, and returns its items, for tests about
 * one field. (The property tests check that a feed's value gives the same.)
 */
const itemsOf = (items: unknown[], extra: Record<string, unknown> = {}) =>
  parseFeed(JSON.stringify(jsonFeed(items, extra)), { baseUrl: BASE }).items;
const one = (item: Record<string, unknown>) => itemsOf([{ id: 'a', title: 'Title', ...item }])[0]!;

/** The FeedError that `run` throws. */
function failure(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('parseFeed', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => sinon.restore());

  describe('valid feeds', () => {
    it('maps every field of a JSON Feed 1.1 to the model', () => {
      const feed = parseFeed(
        {
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Turan News',
          home_page_url: 'https://news.example/',
          feed_url: 'https://news.example/feed.json',
          next_url: 'https://news.example/feed.json?page=2',
          language: 'az',
          authors: [{ name: 'Desk', url: 'https://news.example/desk', avatar: 'https://news.example/desk.png' }],
          items: [
            {
              id: 'story-1',
              url: 'https://news.example/story/1',
              external_url: 'https://elsewhere.example/1',
              title: 'Parliament meets',
              summary: 'The session opens.',
              content_text: 'Not used: summary comes first.',
              content_html: '<p>Not used either.</p>',
              image: 'https://news.example/1.jpg',
              banner_image: 'https://news.example/1-wide.jpg',
              date_published: '2023-12-21T17:11:00Z',
              date_modified: '2023-12-21T18:00:00+01:00',
              tags: ['Politics', 'Baku'],
              language: 'az-Latn',
              authors: [{ name: 'Aysel', url: 'mailto:aysel@news.example', avatar: '/a.png' }],
              _review: { rating: 4, item: 'story-0' },
            },
          ],
        },
        { baseUrl: BASE },
      );
      expect(feed).to.deep.equal({
        title: 'Turan News',
        homePageUrl: 'https://news.example/',
        feedUrl: 'https://news.example/feed.json',
        nextUrl: 'https://news.example/feed.json?page=2',
        language: 'az',
        items: [
          {
            id: 'story-1',
            url: 'https://news.example/story/1',
            title: 'Parliament meets',
            text: 'The session opens.',
            image: 'https://news.example/1.jpg',
            tags: ['Politics', 'Baku'],
            authors: [{ name: 'Aysel', url: 'mailto:aysel@news.example', avatar: 'https://news.example/a.png' }],
            published: new Date(Date.UTC(2023, 11, 21, 17, 11)),
            modified: new Date(Date.UTC(2023, 11, 21, 17, 0)),
            language: 'az-Latn',
            review: { rating: 4, item: 'story-0' },
          },
        ],
      });
      expect(isFeed(feed)).to.equal(true);
      expect(warn.called).to.equal(false);
    });

    it('maps a JSON Feed 1.0 with its singular author, external_url, banner_image and content_text', () => {
      const feed = parseFeed({
        version: V1,
        title: 'Old feed',
        author: { name: 'Brent', url: 'https://brent.example/' },
        items: [
          {
            id: 'x',
            external_url: 'https://elsewhere.example/x',
            content_text: 'Linked post.',
            banner_image: 'https://brent.example/wide.png',
            author: { name: 'Manton' },
          },
          { id: 'y', title: 'By the feed author' },
        ],
      });
      const [x, y] = feed.items;
      expect(x).to.include({
        url: 'https://elsewhere.example/x',
        text: 'Linked post.',
        image: 'https://brent.example/wide.png',
      });
      expect(x!.authors).to.deep.equal([{ name: 'Manton' }]);
      expect(y!.authors).to.deep.equal([{ name: 'Brent', url: 'https://brent.example/' }]);
    });

    it('says a plain object is not a parsed feed', () => {
      expect(isFeed(jsonFeed([]))).to.equal(false);
      expect(isFeed(null)).to.equal(false);
    });
  });

  describe('sloppy real-world feeds', () => {
    it('accepts numeric ids', () => {
      expect(
        itemsOf([
          { id: 93218, title: 'A' },
          { id: 0, title: 'B' },
        ]).map((item) => item.id),
      ).to.deep.equal(['93218', '0']);
    });

    it('splits tags given as one comma-separated string', () => {
      expect(one({ tags: 'workflow, omnifocus,,mac power users' }).tags).to.deep.equal([
        'workflow',
        'omnifocus',
        'mac power users',
      ]);
    });

    it('keeps the first of tags that differ only in case, and drops non-strings', () => {
      expect(one({ tags: ['News', 'news', 42, null, ' Sport ', 'NEWS'] }).tags).to.deep.equal(['News', 'Sport']);
    });

    it('keeps at most 20 tags, from the first 100 given', () => {
      const many = [...Array<string>(30).fill('Same'), ...Array.from({ length: 120 }, (_, i) => `t${i}`)];
      expect(one({ tags: many }).tags).to.deep.equal(['Same', ...Array.from({ length: 19 }, (_, i) => `t${i}`)]);
      expect(one({ tags: [...Array<string>(100).fill('x'), 'y'] }).tags).to.deep.equal(['x']);
    });

    it('accepts a version URL with http:// or www.', () => {
      for (const version of ['http://jsonfeed.org/version/1', 'https://www.jsonfeed.org/version/1.1']) {
        expect(parseFeed({ version, items: [{ id: 1, title: 'A' }] }).items).to.have.length(1);
      }
    });

    it('accepts authors given as one object, or as a bare name', () => {
      expect(one({ authors: { name: 'Aysel' } }).authors).to.deep.equal([{ name: 'Aysel' }]);
      expect(one({ author: 'Rauf' }).authors).to.deep.equal([{ name: 'Rauf' }]);
    });

    it('falls back to author when authors is empty, and to the feed authors when an item has none', () => {
      expect(one({ authors: [], author: { name: 'Old style' } }).authors).to.deep.equal([{ name: 'Old style' }]);
      const [item] = itemsOf([{ id: 'a', title: 'T', authors: [{ name: '' }, { url: 'https://x.example' }] }], {
        authors: [{ name: 'Desk' }],
      });
      expect(item!.authors).to.deep.equal([{ name: 'Desk' }]);
    });

    it('reads null in every field as absent', () => {
      const feed = parseFeed({
        version: V1,
        title: null,
        home_page_url: null,
        feed_url: null,
        next_url: null,
        language: null,
        author: { name: 'aen', url: null, avatar: null },
        authors: null,
        items: [
          {
            id: 'a',
            url: null,
            external_url: null,
            title: 'Hacks for Urdu',
            summary: null,
            content_text: 'Body.',
            content_html: null,
            image: null,
            banner_image: null,
            date_published: null,
            date_modified: null,
            tags: null,
            language: null,
            author: null,
            authors: null,
            _review: null,
          },
          null,
        ],
      });
      expect(feed).to.deep.equal({
        title: '',
        items: [{ id: 'a', title: 'Hacks for Urdu', text: 'Body.', tags: [], authors: [{ name: 'aen' }] }],
      });
    });

    it('decodes HTML entities in titles exactly once', () => {
      const titles = itemsOf([
        { id: 1, title: 'Don&#8217;t panic' },
        { id: 2, title: '&amp;amp; stays one level escaped' },
        { id: 3, title: 'Tom &amp; Jerry&#x2019;s &quot;show&quot;' },
        { id: 4, title: 'AT&T &unknownentity; &#0; &#xD800;' },
      ]).map((item) => item.title);
      expect(titles).to.deep.equal([
        'Don’t panic',
        '&amp; stays one level escaped',
        'Tom & Jerry’s "show"',
        'AT&T &unknownentity; \uFFFD \uFFFD',
      ]);
    });

    it('keeps tags in a plain-text title as literal text', () => {
      expect(one({ title: 'Die Rückkehr von <i> und <b>' }).title).to.equal('Die Rückkehr von <i> und <b>');
      expect(one({ title: '&lt;script&gt;' }).title).to.equal('<script>');
    });

    it('strips a UTF-8 byte order mark', () => {
      const feed = parseFeed(`\uFEFF${JSON.stringify(jsonFeed([{ id: 1, title: 'A' }]))}`);
      expect(feed.items[0]!.title).to.equal('A');
    });

    it('ignores a 10,000-deep _extensions value without walking it', () => {
      let deep = '1';
      for (let i = 0; i < 10_000; i++) deep = `{"a":${deep}}`;
      const text = `{"version":"${V1}","_ext":${deep},"items":[{"id":1,"title":"A","_deep":${deep}}]}`;
      expect(parseFeed(text).items).to.have.length(1);
      expect(parseFeed(JSON.parse(text)).items).to.have.length(1);
    });

    it('reads _review and ignores a rating outside 1 to 5', () => {
      expect(one({ _review: { rating: 5 } }).review).to.deep.equal({ rating: 5 });
      expect(one({ _review: { rating: 2.5, item: 'https://news.example/story/1' } }).review).to.deep.equal({
        rating: 2.5,
        item: 'https://news.example/story/1',
      });
      for (const rating of [0, 6, '4', null]) expect(one({ _review: { rating } })).not.to.have.property('review');
    });

    it('normalises language tags and drops invalid ones', () => {
      expect(one({ language: 'en_US' }).language).to.equal('en-US');
      expect(one({ language: 'EN-gb' }).language).to.equal('en-GB');
      for (const language of ['english language', '', '??', 42])
        expect(one({ language })).not.to.have.property('language');
      expect(parseFeed(jsonFeed([], { language: 'de_DE' })).language).to.equal('de-DE');
    });
  });

  describe('items that cannot be shown', () => {
    it('drops items without a usable id or any text, with one warning naming them', () => {
      const items = itemsOf([
        { id: 'ok-1', title: 'Kept' },
        { title: 'No id' },
        { id: '   ', title: 'Blank id' },
        { id: { nested: true }, title: 'Object id' },
        { id: true, title: 'Boolean id' },
        { id: 'empty' },
        { id: 'blank', title: '  ', summary: ' ', content_html: '<p> </p>' },
        'not an object',
        { id: 'ok-2', content_text: 'Kept too' },
      ]);
      expect(items.map((item) => item.id)).to.deep.equal(['ok-1', 'ok-2']);
      expect(warn.callCount).to.equal(1);
      const message = String(warn.firstCall.args[0]);
      expect(message).to.contain(BASE).and.contain('skipped 7 item(s)');
      expect(message)
        .to.contain('#2 (no id)')
        .and.contain('#6 "empty" (no title or text)')
        .and.contain('#8 (not an object)');
      expect(message).to.contain('#7 "blank" (no title or text)');
    });

    it('keeps only the first of items sharing an id', () => {
      const items = itemsOf([
        { id: 7, title: 'First' },
        { id: '7', title: 'Second' },
        { id: 'x', title: 'Other' },
      ]);
      expect(items.map((item) => item.title)).to.deep.equal(['First', 'Other']);
      expect(String(warn.firstCall.args[0])).to.contain('#2 "7" (duplicate id)');
    });

    it('lists at most ten skipped items in the warning', () => {
      itemsOf(Array.from({ length: 15 }, (_, i) => ({ id: `n${i}` })));
      expect(warn.callCount).to.equal(1);
      const message = String(warn.firstCall.args[0]);
      expect(message).to.contain('skipped 15').and.contain('#10 "n9"').and.match(/…$/);
      expect(message).not.to.contain('#11');
    });

    it('shows an untitled item with only a link or an attachment by its address or file name', () => {
      const items = itemsOf([
        { id: 'page', url: 'https://photos.example/2024/06/sunset%20walk/' },
        { id: 'file', attachments: [{ url: 'https://cdn.example/audio/episode%203.mp3', mime_type: 'audio/mpeg' }] },
        { id: 'unsafe', url: 'javascript:alert(1)', attachments: [{ url: 'data:audio/mpeg;base64,AA' }] },
      ]);
      expect(items.map((item) => [item.id, item.title, item.url])).to.deep.equal([
        ['page', 'photos.example/2024/06/sunset walk', 'https://photos.example/2024/06/sunset%20walk/'],
        ['file', 'episode 3.mp3', undefined],
      ]);
      expect(String(warn.firstCall.args[0])).to.contain('"unsafe" (no title or text)');
    });

    it('drops an untitled item whose HTML holds only an image (micro.blog photo posts)', () => {
      const items = itemsOf([
        { id: 'photo', content_html: '<p><img src="https://m.example/1.jpg" width="600"></p>\n' },
        { id: 'note', content_html: '<p>Testing photo.</p><p><img src="https://m.example/2.jpg"></p>' },
      ]);
      expect(items.map((item) => [item.id, item.title, item.text])).to.deep.equal([['note', '', 'Testing photo.']]);
      expect(String(warn.firstCall.args[0])).to.contain('"photo" (no title or text)');
    });
  });

  describe('items of a feed read from text, made on first read', () => {
    const text = (n: number) =>
      JSON.stringify(
        jsonFeed(
          Array.from({ length: n }, (_, i) => ({
            id: i,
            title: `T${i}`,
            url: `/story/${i}`,
            image: 'javascript:window.__pwned()',
          })),
        ),
      );
    let parsed: string[];
    let restore: () => void;
    beforeEach(() => ({ parsed, restore } = watchUrlParser()));
    afterEach(() => restore());

    it('checks the URLs of the items read, and only theirs', () => {
      const feed = parseFeed(text(100), { baseUrl: BASE });
      expect(feed.items).to.have.length(100);
      expect(parsed).to.deep.equal(['https://news.example/', 'https://news.example/feed.json']);
      expect(feed.items.slice(0, 2).map((item) => item.url)).to.deep.equal([
        'https://news.example/story/0',
        'https://news.example/story/1',
      ]);
      expect(feed.items[1]).to.not.have.property('image');
      expect(parsed.slice(2)).to.deep.equal(['/story/0', 'javascript:window.__pwned()', '/story/1']);
    });

    it('gives the same item every time, and the same feed as from its value', () => {
      const feed = parseFeed(text(3), { baseUrl: BASE });
      expect(feed.items[2]).to.equal(feed.items[2]);
      expect(Array.isArray(feed.items)).to.equal(true);
      expect(feed).to.deep.equal(parseFeed(JSON.parse(text(3)), { baseUrl: BASE }));
      expect(structuredClone(feed)).to.deep.equal(feed);
    });

    it('is a list a page can change: assign, sort, freeze', () => {
      const feed = parseFeed(text(3), { baseUrl: BASE });
      const [first, second] = [feed.items[0]!, feed.items[1]!];
      feed.items[2] = first;
      expect(feed.items[2]).to.equal(first);
      feed.items.reverse();
      expect(feed.items.map((item) => item.id)).to.deep.equal(['0', '1', '0']);
      const frozen = parseFeed(text(3), { baseUrl: BASE });
      Object.freeze(frozen.items);
      expect(frozen.items[1]).to.deep.equal(second);
      expect(frozen.items[1]).to.equal(frozen.items[1]);
      expect(() => (frozen.items[1] = first)).to.throw(TypeError);
      expect(frozen.items[1]!.id).to.equal('1');
    });

    it('knows an item has a title without decoding it, but decodes it when made', () => {
      const items = itemsOf([
        { id: 1, title: '  Fish &amp; chips  ' },
        { id: 2, title: '&nbsp; &#32;' },
        { id: 3, title: '&amp;c.' },
        { id: 4, title: '\u00a0\n' },
      ]);
      expect(items.map((item) => [item.id, item.title])).to.deep.equal([
        ['1', 'Fish & chips'],
        ['3', '&c.'],
      ]);
    });
  });

  describe('URLs', () => {
    it('resolves relative URLs against the feed URL', () => {
      const feed = parseFeed(
        jsonFeed(
          [
            {
              id: 1,
              title: 'A',
              url: '../story/1',
              image: '/img/1.png',
              authors: [{ name: 'N', url: 'people/n', avatar: '//cdn.example/n.png' }],
            },
          ],
          {
            home_page_url: '/',
            feed_url: 'main.json',
            next_url: '?page=2',
          },
        ),
        { baseUrl: BASE },
      );
      expect(feed).to.include({
        homePageUrl: 'https://news.example/',
        feedUrl: 'https://news.example/feeds/main.json',
        nextUrl: 'https://news.example/feeds/main.json?page=2',
      });
      expect(feed.items[0]).to.include({
        url: 'https://news.example/story/1',
        image: 'https://news.example/img/1.png',
      });
      expect(feed.items[0]!.authors).to.deep.equal([
        { name: 'N', url: 'https://news.example/feeds/people/n', avatar: 'https://cdn.example/n.png' },
      ]);
    });

    for (const hostile of HOSTILE_URLS) {
      it(`drops ${JSON.stringify(hostile)} from every URL field`, () => {
        const feed = parseFeed(
          jsonFeed(
            [
              {
                id: 1,
                title: 'A',
                url: hostile,
                external_url: hostile,
                image: hostile,
                banner_image: hostile,
                authors: [{ name: 'N', url: hostile, avatar: hostile }],
              },
            ],
            { home_page_url: hostile, feed_url: hostile, next_url: hostile },
          ),
          { baseUrl: BASE },
        );
        expect(feed).to.deep.equal({
          title: 'Turan News',
          items: [{ id: '1', title: 'A', text: '', tags: [], authors: [{ name: 'N' }] }],
        });
      });
    }

    for (const encoded of ENCODED_URLS) {
      it(`resolves ${JSON.stringify(encoded)} as a harmless path, never as a scheme`, () => {
        const feed = parseFeed(jsonFeed([{ id: 1, title: 'A', url: encoded, image: encoded }]), { baseUrl: BASE });
        for (const url of [feed.items[0]!.url, feed.items[0]!.image]) {
          expect(new URL(url!).protocol).to.equal(new URL(BASE).protocol);
        }
      });
    }

    it('falls back to external_url and banner_image when url and image are unsafe', () => {
      expect(
        one({
          url: 'javascript:alert(1)',
          external_url: 'https://e.example/',
          image: 'data:image/png,x',
          banner_image: 'https://e.example/b.png',
        }),
      ).to.include({ url: 'https://e.example/', image: 'https://e.example/b.png' });
    });

    it('drops a hostile URL however often it repeats', () => {
      const hostile = 'java\tscript:window.__pwned()';
      const items = itemsOf(
        Array.from({ length: 5 }, (_, i) => ({
          id: i,
          title: 'A',
          url: hostile,
          image: hostile,
          authors: [{ name: 'N', url: hostile, avatar: hostile }],
        })),
      );
      expect(items).to.deep.equal(
        Array.from({ length: 5 }, (_, i) => ({
          id: String(i),
          title: 'A',
          text: '',
          tags: [],
          authors: [{ name: 'N' }],
        })),
      );
    });

    it('allows mailto for authors only', () => {
      const item = one({
        url: 'mailto:a@b.example',
        authors: [{ name: 'A', url: 'mailto:a@b.example', avatar: 'mailto:a@b.example' }],
      });
      expect(item).not.to.have.property('url');
      expect(item.authors).to.deep.equal([{ name: 'A', url: 'mailto:a@b.example' }]);
    });
  });

  describe('dates', () => {
    it('reads RFC 3339 dates with their offset, and RFC 822 dates', () => {
      expect(one({ date_published: '2020-01-19T18:09:37+01:00' }).published).to.deep.equal(
        new Date(Date.UTC(2020, 0, 19, 17, 9, 37)),
      );
      expect(one({ date_modified: 'Mon, 29 Oct 2018 13:55:05 +0000' }).modified).to.deep.equal(
        new Date(Date.UTC(2018, 9, 29, 13, 55, 5)),
      );
    });

    for (const date of [
      'yesterday',
      'N/a',
      '1',
      'N/a 5',
      '2023-13-45T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '1899-12-31T00:00:00Z',
      '9999-12-31T00:00:00Z',
      1700000000,
      '',
    ]) {
      it(`omits the invalid or absurd date ${JSON.stringify(date)}`, () => {
        const item = one({ date_published: date, date_modified: date });
        expect(item).not.to.have.property('published');
        expect(item).not.to.have.property('modified');
      });
    }

    it('keeps a date a little in the future (clock skew) but not years ahead', () => {
      const soon = new Date(Date.now() + 3600_000).toISOString();
      const later = new Date(Date.now() + 3 * 365 * 24 * 3600_000).toISOString();
      expect(one({ date_published: soon }).published?.toISOString()).to.equal(soon);
      expect(one({ date_published: later })).not.to.have.property('published');
    });
  });

  describe('text', () => {
    it('prefers summary, then content_text, then content_html', () => {
      expect(one({ summary: 'S', content_text: 'T', content_html: '<p>H</p>' }).text).to.equal('S');
      expect(one({ summary: ' ', content_text: 'T', content_html: '<p>H</p>' }).text).to.equal('T');
      expect(one({ content_html: '<p>H</p>' }).text).to.equal('H');
    });

    it('turns content_html into text without script or style and with block boundaries as spaces', () => {
      const text = one({
        content_html:
          '<style>p{color:red}</style><h2>Head</h2><p>One&nbsp;<b>bold</b></p><p>Two</p><ul><li>a</li><li>b</li></ul>line<br>break<script>window.__pwned()</script><table><tr><td>c1</td><td>c2</td></tr></table>in<div>line</div>',
      }).text;
      expect(text).to.equal('Head One bold Two a b line break c1 c2 in line');
    });

    it('never runs markup from content_html', async () => {
      const pwned = watchPwned();
      try {
        for (const hostile of HOSTILE_TEXT) one({ content_html: hostile }).text;
        // A broken image added after the parse has failed by now: an injected one would have too.
        await pwned.settle();
        expect(pwned.calls).to.equal(0);
      } finally {
        pwned.restore();
      }
    });

    it('reads text on first use, also through a Proxy, and serialises with it and nothing else', () => {
      const html = { id: 'a', title: 'Title', content_html: '<p>Lazy <b>body</b></p>' };
      const [first, second] = itemsOf([html, { ...html, id: 'b' }]);
      // Frameworks such as Vue wrap the objects they are given in a Proxy.
      expect(new Proxy(first!, {}).text).to.equal('Lazy body');
      expect(first!.text).to.equal('Lazy body');
      expect(JSON.parse(JSON.stringify(second))).to.deep.equal({
        id: 'b',
        title: 'Title',
        text: 'Lazy body',
        tags: [],
        authors: [],
      });
      expect(Object.keys(second!)).to.deep.equal(['id', 'title', 'text', 'tags', 'authors']);
    });

    it('shows markup in summary and content_text literally', () => {
      expect(one({ summary: 'Tags like <i> and <b> &amp; more' }).text).to.equal('Tags like <i> and <b> & more');
    });

    it('reads past a placeholder summary such as "N/a"', () => {
      for (const summary of ['N/a', 'n/a', 'NA', 'null', '-']) {
        expect(one({ summary, content_html: 'Read Oracle Issue #8 Online' }).text).to.equal(
          'Read Oracle Issue #8 Online',
        );
      }
      expect(one({ summary: 'N/a is a fine start' }).text).to.equal('N/a is a fine start');
    });

    it('leaves out heading permalink anchors and aria-hidden decoration', () => {
      const text = one({
        content_html:
          '<h2 id="x"><a class="direct-link" href="#x" aria-hidden="true">#</a> Intro</h2><p>Body <a href="/x">link</a></p><h2>Next <a class="header-anchor" href="https://b.example/post/">#</a></h2><p>More ¶</p>',
      }).text;
      expect(text).to.equal('Intro Body link Next More ¶');
    });

    it('leaves out a leading heading that repeats the title', () => {
      const html =
        '\n<h1 id="x">Decompose &amp; Conquer <a href="#x">#</a></h1>\n<p>Body.</p><h2>Decompose &amp; Conquer</h2>';
      expect(one({ title: 'Decompose &amp; Conquer', content_html: html }).text).to.equal('Body. Decompose & Conquer');
      expect(one({ title: 'Other', content_html: html }).text).to.equal(
        'Decompose & Conquer Body. Decompose & Conquer',
      );
      expect(one({ title: 'Body.', content_html: 'Intro <h1>Body.</h1>' }).text).to.equal('Intro Body.');
      expect(one({ title: 'Apple', summary: 'Apple announces' }).text).to.equal('Apple announces');
    });

    it('clips long titles, texts and tags', () => {
      const huge = 'word '.repeat(200_000);
      const item = one({ title: huge, summary: huge, tags: [huge] });
      expect(item.title.length).to.be.at.most(TITLE_MAX + 1);
      expect(item.title.endsWith('…')).to.equal(true);
      expect(item.text.length).to.be.at.most(TEXT_MAX + 1);
      expect(item.tags[0]!.length).to.be.at.most(61);
    });

    it('decodes only the start of a huge field, so a hostile one costs little', () => {
      const entities = Array.from({ length: 20_000 }, (_, i) => `&e${i.toString(36)};`).join(' ');
      const parse = sinon.spy(DOMParser.prototype, 'parseFromString');
      const item = one({ title: entities, summary: entities, tags: [entities] });
      expect(item.title.startsWith('&e0; &e1; &e2;')).to.equal(true);
      expect(parse.callCount).to.be.below(2_000);
    });
  });

  describe('failures', () => {
    const SECRET = 'secret-body-marker';

    it('refuses text that is not JSON with not-json, without echoing it', () => {
      const error = failure(() => parseFeed(`{ "version": ${SECRET}`, { baseUrl: BASE }));
      expect(error.code).to.equal('not-json');
      expect(error.url).to.equal(BASE);
      expect(error.message).to.equal(`${BASE} is not valid JSON, so it cannot be read as a JSON Feed`);
      expect(error.message).not.to.contain(SECRET);
    });

    it('says when the text is an HTML page', () => {
      const error = failure(() => parseFeed(`\n<!DOCTYPE html><html><body>${SECRET}</body></html>`, { baseUrl: BASE }));
      expect(error.code).to.equal('not-json');
      expect(error.message).to.contain('is an HTML page').and.not.contain(SECRET);
    });

    it('says when the text is an RSS or Atom feed', () => {
      for (const xml of [
        `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>${SECRET}</title></channel></rss>`,
        `  <?xml version='1.0'?><?xml-stylesheet href='x'?><feed xmlns='http://www.w3.org/2005/Atom'><title>${SECRET}</title></feed>`,
      ]) {
        const error = failure(() => parseFeed(xml));
        expect(error.code).to.equal('not-json');
        expect(error.message)
          .to.match(/^The feed is an RSS or Atom feed, not a JSON Feed/)
          .and.not.contain(SECRET);
      }
    });

    it('refuses JSON that is not a feed with not-a-feed, naming what is wrong', () => {
      expect(failure(() => parseFeed({ version: V1 }, { baseUrl: BASE })).message).to.equal(
        `${BASE} is JSON but not a JSON Feed: \`items\` must be an array`,
      );
      expect(failure(() => parseFeed({ version: V1, items: {} })).message).to.contain('`items` must be an array');
      expect(failure(() => parseFeed({ items: [] })).message).to.contain('`version` must be a JSON Feed version URL');
      expect(failure(() => parseFeed({ version: 'https://example.com/version/1', items: [] })).message).to.contain(
        '`version`',
      );
      expect(failure(() => parseFeed({ version: 2, items: [] })).message).to.contain('`version`');
      for (const value of [null, 42, 'null', '[]', '"text"', []]) {
        const error = failure(() => parseFeed(value));
        expect(error.code).to.equal('not-a-feed');
        expect(error.message).to.match(/^The feed is JSON but not a JSON Feed: /);
      }
    });

    it('accepts a feed with no items as a feed', () => {
      expect(parseFeed({ version: V1, items: [] }).items).to.deep.equal([]);
    });
  });
});
