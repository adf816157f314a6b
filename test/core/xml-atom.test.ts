import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedError } from '../../src/core/feed-error.js';
import { parseXmlFeed } from '../../src/core/parse-xml.js';
import type { Feed } from '../../src/core/types.js';
import { HOSTILE_TEXT, HOSTILE_URLS } from '../helpers/feeds.js';
import { BLOG_ATOM } from '../helpers/xml-feeds.js';
import { watchPwned } from '../helpers/hostile.js';

const BASE = 'https://blog.example/feeds/atom.xml';

const esc = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An Atom feed with `entries` (raw XML). */
const atom = (entries: string, attributes = '') =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" ${attributes}><title>Test</title><id>urn:test</id>${entries}</feed>`;

function read(text: string, baseUrl = BASE): { feed: Feed; warnings: string[] } {
  const warn = sinon.stub(console, 'warn');
  try {
    return { feed: parseXmlFeed(text, { baseUrl }), warnings: warn.args.map((args) => String(args[0])) };
  } finally {
    warn.restore();
  }
}

describe('parseXmlFeed: Atom', () => {
  describe('a blog', () => {
    it('reads the feed: title, links by relation against xml:base, language', () => {
      const { feed } = read(BLOG_ATOM);
      expect(feed).to.deep.include({
        title: 'Notes from Baku',
        homePageUrl: 'https://blog.example/',
        feedUrl: 'https://blog.example/feed.atom',
        nextUrl: 'https://blog.example/feed.atom?page=2',
        language: 'en',
      });
    });

    it('reads titles written as text, HTML and XHTML', () => {
      const { feed, warnings } = read(BLOG_ATOM);
      expect(warnings).to.deep.equal([]);
      expect(feed.items.map((item) => item.title)).to.deep.equal([
        'Tea & pakhlava',
        'Winter in the old city',
        'A very short note',
      ]);
    });

    it('takes the alternate link, resolved through xml:base on the feed, the entry and the link itself', () => {
      const { feed } = read(BLOG_ATOM);
      expect(feed.items.map((item) => item.url)).to.deep.equal([
        'https://blog.example/2023/12/tea.html',
        'https://mirror.example/2023/11/winter.html',
        'https://blog.example/note#comments',
      ]);
    });

    it('reads ids, dates, categories and authors, falling back to the feed author', () => {
      const [tea, winter, note] = read(BLOG_ATOM).feed.items;
      expect(tea).to.deep.include({
        id: 'tag:blog.example,2023:tea',
        tags: ['Food & drink', 'baku'],
        authors: [{ name: 'Aysel', url: 'https://blog.example/about' }],
      });
      expect(tea!.published!.toISOString()).to.equal('2023-12-20T04:00:00.000Z');
      expect(tea!.modified!.toISOString()).to.equal('2023-12-21T09:00:00.000Z');
      expect(winter!.authors).to.deep.equal([{ name: 'Rashad', url: 'mailto:rashad@blog.example' }]);
      expect(winter!.published!.toISOString(), 'updated stands in for published').to.equal('2023-11-30T12:00:00.000Z');
      expect(note!.id).to.equal('tag:blog.example,2023:note');
    });

    it('reads the summary, else the content, as plain text', () => {
      const [tea, winter, note] = read(BLOG_ATOM).feed.items;
      expect(tea!.text).to.equal('Black tea, always.');
      expect(winter!.text).to.equal('Short days, long shadows.');
      expect(note!.text).to.equal('');
    });

    it('finds pictures in XHTML and HTML content and image enclosures, resolved where they stand', () => {
      const { feed } = read(BLOG_ATOM);
      expect(feed.items.map((item) => item.image)).to.deep.equal([
        'https://blog.example/2023/12/photos/tea.jpg',
        'https://blog.example/winter.jpg',
        'https://blog.example/note.jpg',
      ]);
    });
  });

  describe('entries', () => {
    it('resolve relative links against the feed URL when there is no xml:base', () => {
      const { feed } = read(atom('<entry><id>1</id><title>Rel</title><link href="../2023/rel.html"/></entry>'));
      expect(feed.items[0]!.url).to.equal('https://blog.example/2023/rel.html');
    });

    it('fall back to the first link when none is alternate, and prefer an HTML alternate', () => {
      const { feed } = read(
        atom(
          [
            '<entry><id>1</id><title>First</title><link rel="via" href="https://via.example/1"/><link rel="replies" href="https://blog.example/1#c"/></entry>',
            '<entry><id>2</id><title>Two alternates</title><link rel="alternate" type="application/pdf" href="https://blog.example/2.pdf"/><link rel="alternate" type="text/html" href="https://blog.example/2"/></entry>',
          ].join(''),
        ),
      );
      expect(feed.items.map((item) => item.url)).to.deep.equal(['https://via.example/1', 'https://blog.example/2']);
    });

    it('without an id use their link, and without either a hash', () => {
      const { feed } = read(
        atom(
          '<entry><title>Linked</title><link href="https://blog.example/l"/></entry><entry><title>Bare</title><updated>2023-01-01T00:00:00Z</updated></entry>',
        ),
      );
      expect(feed.items[0]!.id).to.equal('https://blog.example/l');
      expect(feed.items[1]!.id).to.match(/^hash:\w+$/);
    });

    it('without a title keep their text; with neither are skipped with one warning', () => {
      const { feed, warnings } = read(
        atom(
          [
            '<entry><id>1</id><summary type="html">&lt;p&gt;Just a thought.&lt;/p&gt;</summary></entry>',
            '<entry><id>2</id><title></title><summary></summary></entry>',
            '<entry><id>3</id><content src="https://blog.example/video.mp4" type="video/mp4"/></entry>',
          ].join(''),
        ),
      );
      expect(feed.items.map((item) => [item.title, item.text])).to.deep.equal([['', 'Just a thought.']]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('skipped 2 item(s)');
    });

    it('read category terms when there is no label, and text content when there is no summary', () => {
      const { feed } = read(
        atom(
          '<entry><id>1</id><title>T</title><category term="news"/><category term="az" label="Azərbaycan"/><content>Plain &amp; simple.</content></entry>',
        ),
      );
      expect(feed.items[0]!.tags).to.deep.equal(['news', 'Azərbaycan']);
      expect(feed.items[0]!.text).to.equal('Plain & simple.');
    });

    it('read Media RSS thumbnails, as YouTube publishes them', () => {
      const { feed } = read(
        atom(
          '<entry><id>yt:video:1</id><title>Video</title><link rel="alternate" href="https://video.example/watch?v=1"/><media:group><media:title>Video</media:title><media:thumbnail url="https://i.video.example/1/hq.jpg" width="480" height="360"/><media:description>What the video shows.</media:description></media:group></entry>',
          'xmlns:media="http://search.yahoo.com/mrss/"',
        ),
      );
      expect(feed.items[0]).to.deep.include({ image: 'https://i.video.example/1/hq.jpg' });
      expect(feed.items[0]!.text).to.equal('What the video shows.');
    });
  });

  describe('languages and scripts', () => {
    it('keeps right-to-left text and each entry’s xml:lang', () => {
      const { feed } = read(
        atom(
          [
            '<entry xml:lang="ur"><id>1</id><title>اردو رسم الخط</title><summary>یہ ایک مثال ہے</summary></entry>',
            '<entry xml:lang="he"><id>2</id><title type="html">&lt;b&gt;שלום&lt;/b&gt; עולם</title></entry>',
            '<entry><id>3</id><title>Hacks for Urdu</title></entry>',
          ].join(''),
          'xml:lang="ur-PK"',
        ),
      );
      expect(feed.language).to.equal('ur-PK');
      expect(feed.items.map((item) => [item.title, item.language])).to.deep.equal([
        ['اردو رسم الخط', 'ur'],
        ['שלום עולם', 'he'],
        ['Hacks for Urdu', undefined],
      ]);
      expect(feed.items[0]!.text).to.equal('یہ ایک مثال ہے');
    });
  });

  describe('sloppy and old feeds', () => {
    it('reads Blogger’s style: one line, single quotes, a stylesheet instruction, many namespaces', () => {
      const { feed } = read(
        "<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href='https://blog.example/atom.css' type='text/css'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:thr='http://purl.org/syndication/thread/1.0'><id>tag:blogger.com,1999:blog-1</id><title type='text'>Serpents</title><openSearch:totalResults>1</openSearch:totalResults><entry><id>tag:blogger.com,1999:blog-1.post-2</id><published>2007-12-15T07:15:00.000-08:00</published><title type='text'>Bloopers</title><content type='html'>&lt;div&gt;Even we get it wrong.&lt;/div&gt;</content><link rel='replies' type='application/atom+xml' href='https://blog.example/feeds/2/comments'/><link rel='alternate' type='text/html' href='https://blog.example/2007/12/bloopers.html'/><author><name>Anthony</name><email>noreply@blogger.com</email></author><thr:total>0</thr:total></entry></feed>",
      );
      expect(feed.title).to.equal('Serpents');
      expect(feed.items[0]).to.deep.include({ title: 'Bloopers', url: 'https://blog.example/2007/12/bloopers.html' });
      expect(feed.items[0]!.published!.toISOString()).to.equal('2007-12-15T15:15:00.000Z');
      expect(feed.items[0]!.text).to.equal('Even we get it wrong.');
    });

    it('reads Atom 0.3 and a feed that forgot its namespace', () => {
      const old = read(
        '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>Then</title><link rel="alternate" type="text/html" href="https://blog.example/then"/><id>1</id><issued>2004-01-01T00:00:00Z</issued><content type="text/html" mode="escaped">&lt;p&gt;Long ago.&lt;/p&gt;</content></entry></feed>',
      ).feed;
      expect(old.items[0]).to.deep.include({ title: 'Then', url: 'https://blog.example/then' });
      expect(old.items[0]!.published!.toISOString()).to.equal('2004-01-01T00:00:00.000Z');
      expect(old.items[0]!.text).to.equal('Long ago.');
      const bare = read('<feed><title>Bare</title><entry><id>1</id><title>No namespace</title></entry></feed>').feed;
      expect(bare.items.map((item) => item.title)).to.deep.equal(['No namespace']);
    });

    it('is not a feed when the root is <feed> in another namespace', () => {
      expect(() => read('<feed xmlns="urn:example:other"><title>x</title></feed>'))
        .to.throw(FeedError, 'its root element is <feed> in namespace urn:example:other')
        .with.property('code', 'not-a-feed');
    });
  });

  describe('hostile feeds', () => {
    let pwned: ReturnType<typeof watchPwned>;
    beforeEach(() => {
      pwned = watchPwned();
    });
    afterEach(() => pwned.restore());

    it('reads only the text of HTML and XHTML titles and content, and runs nothing', async () => {
      const entries = HOSTILE_TEXT.map(
        (payload, i) => `<entry><id>${i}</id><title type="html">${esc(`Title ${i} ${payload}`)}</title>
          <summary type="html">${esc(`Summary ${i} ${payload}`)}</summary>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><script>window.__pwned()</script><img src="x" onerror="window.__pwned()"/><p onclick="window.__pwned()">Body ${i}</p></div></content>
          <category term="${esc(payload)}"/><author><name>${esc(payload)}</name></author></entry>`,
      ).join('');
      const { feed } = read(atom(entries));
      expect(feed.items).to.have.length(HOSTILE_TEXT.length);
      feed.items.forEach((item, i) => {
        expect(item.title)
          .to.match(new RegExp(`^Title ${i}`))
          .and.not.contain('<script');
        expect(item.text).to.match(new RegExp(`^Summary ${i}`));
        expect(item.tags).to.deep.equal([HOSTILE_TEXT[i]]);
      });
      const xhtml = read(
        atom(
          '<entry><id>x</id><title>T</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><script>window.__pwned()</script><p>Only this.</p></div></content></entry>',
        ),
      );
      expect(xhtml.feed.items[0]!.text).to.equal('Only this.');
      await pwned.settle();
      expect(pwned.calls).to.equal(0);
    });

    it('drops hostile addresses in links, enclosures, pictures, authors and xml:base', async () => {
      const entries = HOSTILE_URLS.filter((url) => !url.includes('\u0001'))
        .map(
          (
            url,
            i,
          ) => `<entry><id>${i}</id><title>Entry ${i}</title><link href="${esc(url)}"/><link rel="enclosure" type="image/png" href="${esc(url)}"/>
          <content type="html">${esc(`<img src="${url}">`)}</content><author><name>A</name><uri>${esc(url)}</uri></author></entry>
          <entry xml:base="${esc(url)}"><id>b${i}</id><title>Based ${i}</title><link href="page.html"/></entry>`,
        )
        .join('');
      const { feed } = read(atom(entries, `xml:base="${esc(HOSTILE_URLS[0]!)}"`));
      const harmless = (url?: string) => url === undefined || url.startsWith('https://blog.example/');
      for (const item of feed.items) {
        for (const url of [item.url, item.image, ...item.authors.map((author) => author.url)]) {
          expect(harmless(url), `${item.title}: ${url}`).to.equal(true);
        }
      }
      await pwned.settle();
      expect(pwned.calls).to.equal(0);
    });
  });
});
