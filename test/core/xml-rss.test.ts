import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedError } from '../../src/core/feed-error.js';
import { isFeed } from '../../src/core/parse-feed.js';
import { parseXmlFeed } from '../../src/core/parse-xml.js';
import type { Feed } from '../../src/core/types.js';
import { HOSTILE_TEXT, HOSTILE_URLS } from '../helpers/feeds.js';
import { NEWS_RSS, PODCAST_RSS } from '../helpers/xml-feeds.js';
import { watchPwned } from '../helpers/hostile.js';

const BASE = 'https://news.example/rss.xml';

/** Escapes text for an XML element or attribute. */
const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** An RSS 2.0 document with `items` (raw XML) in its channel, and `namespaces` on its root. */
const rss = (items: string, namespaces = '', channel = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${namespaces}><channel><title>Test</title>${channel}${items}</channel></rss>`;

/** What `parseXmlFeed` says and what it warns about. */
function read(text: string, baseUrl = BASE): { feed: Feed; warnings: string[] } {
  const warn = sinon.stub(console, 'warn');
  try {
    return { feed: parseXmlFeed(text, { baseUrl }), warnings: warn.args.map((args) => String(args[0])) };
  } finally {
    warn.restore();
  }
}

function failure(text: string): FeedError {
  try {
    read(text);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('parseXmlFeed accepted the text');
}

describe('parseXmlFeed: RSS 2.0', () => {
  describe('a news feed', () => {
    it('reads the channel: title, home page, own address and language', () => {
      const { feed } = read(NEWS_RSS);
      expect(feed.title).to.equal('Turan News');
      expect(feed.homePageUrl).to.equal('https://news.example/');
      expect(feed.feedUrl).to.equal('https://news.example/rss.xml');
      expect(feed.language).to.equal('en-GB');
      expect(isFeed(feed)).to.equal(true);
    });

    it('reads every item into the model JSON Feeds give', () => {
      const { feed, warnings } = read(NEWS_RSS);
      expect(warnings).to.deep.equal([]);
      expect(feed.items.map((item) => item.title)).to.deep.equal([
        'Parliament passes the budget',
        'Snow & ice close mountain roads',
        'Markets close higher',
      ]);
      const [budget, snow, markets] = feed.items;
      expect(budget).to.deep.include({
        id: 'turan-1',
        url: 'https://news.example/story/1',
        image: 'https://img.news.example/1.jpg',
        tags: ['Politics', 'Economy'],
        authors: [{ name: 'Leyla Mammadova' }],
      });
      expect(budget!.published!.toISOString()).to.equal('2023-12-21T13:11:00.000Z');
      expect(budget!.text).to.equal('The vote was close. Debate ran late.');
      expect(snow).to.deep.include({
        id: 'https://news.example/story/2',
        url: 'https://news.example/story/2',
        image: 'https://news.example/images/snow.jpg',
        tags: ['Weather'],
        authors: [{ name: 'Weather Desk', url: 'mailto:desk@news.example' }],
      });
      expect(snow!.text).to.equal('Drivers are told to stay home.');
      expect(snow!.published!.toISOString()).to.equal('2023-12-20T09:30:00.000Z');
      expect(markets).to.deep.include({ id: 'https://news.example/story/3', image: 'https://img.news.example/3.png' });
      expect(markets!.text, 'content:encoded when there is no description').to.equal('Stocks rose on Tuesday.');
      expect(markets!.published!.toISOString()).to.equal('2023-12-19T21:00:00.000Z');
    });

    it('leaves optional fields absent, not undefined, like JSON Feed items', () => {
      const { feed } = read(rss('<item><title>Bare</title></item>'));
      const item = feed.items[0]!;
      for (const key of ['url', 'image', 'published', 'modified', 'language', 'review'])
        expect(item).not.to.have.property(key);
      expect(item.tags).to.deep.equal([]);
      expect(item.authors).to.deep.equal([]);
      expect(item.text).to.equal('');
    });

    it('keeps a language tag only when it is one, written the standard way', () => {
      const language = (tag: string) =>
        read(rss('<item><title>T</title></item>', '', `<language>${tag}</language>`)).feed.language;
      expect(language('en_us')).to.equal('en-US');
      expect(language('az-Latn-AZ')).to.equal('az-Latn-AZ');
      expect(language('en us!')).to.equal(undefined);
    });

    it('prefers the description to content:encoded for the text, and reads it only when asked', () => {
      const { feed } = read(
        rss(
          '<item><title>Both</title><description>Short.</description><content:encoded>&lt;p&gt;Long.&lt;/p&gt;</content:encoded></item>',
          'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
        ),
      );
      const item = feed.items[0]!;
      expect(Object.getOwnPropertyDescriptor(item, 'text')!.get, 'text is parsed on first read').to.be.a('function');
      expect(item.text).to.equal('Short.');
      expect(Object.getOwnPropertyDescriptor(item, 'text')!.value).to.equal('Short.');
    });
  });

  describe('a podcast', () => {
    it('takes the episode picture from itunes:image, never an audio enclosure or the show picture', () => {
      const { feed } = read(PODCAST_RSS, 'https://podcast.example/feed.xml');
      const [twelve, eleven] = feed.items;
      expect(twelve!.image).to.equal('https://podcast.example/12.jpg');
      expect(eleven).not.to.have.property('image');
      expect(feed.language).to.equal('az');
    });

    it('reads itunes:summary as the text and itunes:author as the author, falling back to the show', () => {
      const { feed } = read(PODCAST_RSS, 'https://podcast.example/feed.xml');
      const [twelve, eleven] = feed.items;
      expect(twelve!.text).to.equal('Why the ports matter.');
      expect(twelve!.authors).to.deep.equal([{ name: 'Caspian Studio' }]);
      expect(eleven!.text).to.equal('Trade routes, old and new.');
      expect(eleven!.authors).to.deep.equal([{ name: 'Guest Host' }]);
    });

    it('reads RFC 822 dates with two-digit years and without seconds', () => {
      const { feed } = read(PODCAST_RSS, 'https://podcast.example/feed.xml');
      expect(feed.items.map((item) => item.published!.toISOString())).to.deep.equal([
        '2023-12-18T06:00:00.000Z',
        '2023-12-11T06:00:00.000Z',
      ]);
    });
  });

  describe('ids', () => {
    it('uses the guid, else the link, else a hash of what the item says', () => {
      const items = [
        '<item><title>A</title><guid isPermaLink="false">a-1</guid><link>https://news.example/a</link></item>',
        '<item><title>B</title><link>https://news.example/b</link></item>',
        '<item><title>C</title><pubDate>Wed, 20 Dec 2023 09:30:00 GMT</pubDate></item>',
        '<item><title>D</title><pubDate>Wed, 20 Dec 2023 09:30:00 GMT</pubDate></item>',
      ].join('');
      const ids = read(rss(items)).feed.items.map((item) => item.id);
      expect(ids.slice(0, 2)).to.deep.equal(['a-1', 'https://news.example/b']);
      expect(ids[2]).to.match(/^hash:\w+$/);
      expect(ids[3])
        .to.match(/^hash:\w+$/)
        .and.not.equal(ids[2]);
      expect(
        read(rss(items)).feed.items.map((item) => item.id),
        'the same on every read',
      ).to.deep.equal(ids);
    });

    it('takes a permalink guid as the address only when it is a web address and says it is one', () => {
      const { feed } = read(
        rss(
          [
            '<item><title>Permalink</title><guid>https://news.example/p</guid></item>',
            '<item><title>Not a link</title><guid isPermaLink="false">https://news.example/q</guid></item>',
            '<item><title>Opaque</title><guid>12345</guid></item>',
          ].join(''),
        ),
      );
      expect(feed.items.map((item) => item.url)).to.deep.equal(['https://news.example/p', undefined, undefined]);
    });

    it('skips repeated guids with one warning, like JSON Feed', () => {
      const { feed, warnings } = read(
        rss('<item><title>One</title><guid>x</guid></item><item><title>Two</title><guid>x</guid></item>'),
      );
      expect(feed.items.map((item) => item.title)).to.deep.equal(['One']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(BASE).and.contain('#2 (duplicate id)');
    });
  });

  describe('missing titles', () => {
    it('keeps an item without a title when it has text or a link, and skips one with none with one warning', () => {
      const { feed, warnings } = read(
        rss(
          [
            '<item><description>Good morning, students and teachers!</description><link>https://news.example/1</link></item>',
            '<item><link>https://news.example/2</link></item>',
            '<item><description>&lt;img src="https://img.news.example/only.jpg"&gt;</description><guid>3</guid></item>',
            '<item><title>Titled</title></item>',
          ].join(''),
        ),
      );
      expect(feed.items.map((item) => [item.title, item.text])).to.deep.equal([
        ['', 'Good morning, students and teachers!'],
        ['news.example/2', ''],
        ['Titled', ''],
      ]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('skipped 1 item(s)').and.contain('#3 (no title or text)');
    });
  });

  describe('text', () => {
    it('decodes CDATA and entities once, and again where feeds escaped twice', () => {
      const { feed } = read(
        rss(
          [
            '<item><title><![CDATA[Tom & Jerry]]></title></item>',
            '<item><title>Don&amp;#8217;t panic &#x2014; &#169; &amp;amp; more</title></item>',
            '<item><title>Die Rückkehr von &lt;i&gt; und &lt;b&gt;</title></item>',
            '<item><title><![CDATA[Kochi to raise <span class="rupee">₹</span>4,000 crore]]></title></item>',
            '<item><title>  Lots\n\tof   space  </title></item>',
          ].join(''),
        ),
      );
      expect(feed.items.map((item) => item.title)).to.deep.equal([
        'Tom & Jerry',
        'Don’t panic — © & more',
        'Die Rückkehr von <i> und <b>',
        'Kochi to raise ₹4,000 crore',
        'Lots of space',
      ]);
    });

    it('keeps right-to-left titles and text as written, with their language', () => {
      const { feed } = read(
        rss(
          [
            '<item><title>שלום עולם</title><description>חדשות היום</description></item>',
            '<item xml:lang="ar"><title>أخبار اليوم</title><description>&lt;p&gt;مرحبا بالعالم&lt;/p&gt;</description></item>',
          ].join(''),
          '',
          '<language>he</language>',
        ),
      );
      expect(feed.language).to.equal('he');
      expect(feed.items.map((item) => [item.title, item.text, item.language])).to.deep.equal([
        ['שלום עולם', 'חדשות היום', undefined],
        ['أخبار اليوم', 'مرحبا بالعالم', 'ar'],
      ]);
    });

    it('clips very long titles and text', () => {
      const long = 'word '.repeat(5000);
      const item = read(rss(`<item><title>${long}</title><description>${long}</description></item>`)).feed.items[0]!;
      expect(item.title.length).to.be.at.most(301);
      expect(item.text.length).to.be.at.most(601);
    });
  });

  describe('namespaces', () => {
    it('are read by URI, whatever the prefix, with or without a trailing slash', () => {
      const { feed } = read(
        rss(
          '<item><title>Odd prefixes</title><c:encoded>&lt;p&gt;From content&lt;/p&gt;</c:encoded><creator:creator>Nigar</creator:creator><m:thumbnail url="https://img.news.example/t.jpg"/></item>',
          'xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:creator="http://purl.org/dc/elements/1.1/" xmlns:m="http://search.yahoo.com/mrss"',
        ),
      );
      expect(feed.items[0]).to.deep.include({ authors: [{ name: 'Nigar' }], image: 'https://img.news.example/t.jpg' });
      expect(feed.items[0]!.text).to.equal('From content');
    });

    it('ignore a familiar prefix bound to another namespace', () => {
      const { feed } = read(
        rss(
          '<item><title>Decoy</title><dc:creator>Not an author</dc:creator><media:thumbnail url="https://img.news.example/no.jpg"/></item>',
          'xmlns:dc="urn:example:not-dublin-core" xmlns:media="urn:example:not-media-rss"',
        ),
      );
      expect(feed.items[0]!.authors).to.deep.equal([]);
      expect(feed.items[0]).not.to.have.property('image');
    });
  });

  describe('pictures', () => {
    const picture = (xml: string) =>
      read(
        rss(
          `<item><title>Picture</title>${xml}</item>`,
          'xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
        ),
      ).feed.items[0]!.image;

    it('prefers an image enclosure, then Media RSS, then iTunes, then the first picture in the description', () => {
      const description = '<description>&lt;img src="https://img.news.example/d.jpg"&gt;</description>';
      const thumbnail = '<media:thumbnail url="https://img.news.example/t.jpg"/>';
      const content = '<media:content url="https://img.news.example/c.jpg" type="image/jpeg"/>';
      const enclosure = '<enclosure url="https://img.news.example/e.jpg" type="image/jpeg"/>';
      expect(picture(description)).to.equal('https://img.news.example/d.jpg');
      expect(picture(description + thumbnail)).to.equal('https://img.news.example/t.jpg');
      expect(picture(description + thumbnail + content)).to.equal('https://img.news.example/c.jpg');
      expect(picture(description + thumbnail + content + enclosure)).to.equal('https://img.news.example/e.jpg');
    });

    it('takes media:content only when it is a picture, and looks inside media:group', () => {
      expect(picture('<media:content url="https://cdn.news.example/v.mp4" type="video/mp4"/>')).to.equal(undefined);
      expect(picture('<media:content url="https://cdn.news.example/p.webp"/>'), 'by file name').to.equal(
        'https://cdn.news.example/p.webp',
      );
      expect(
        picture(
          '<media:group><media:content url="https://cdn.news.example/v.mp4" medium="video"/><media:thumbnail url="https://img.news.example/g.jpg"/></media:group>',
        ),
      ).to.equal('https://img.news.example/g.jpg');
    });

    it('reads the <image> element many sites put in items, with or without a <url> inside', () => {
      expect(picture('<image><url>https://img.news.example/i.jpg?a=1&amp;b=2</url><title>x</title></image>')).to.equal(
        'https://img.news.example/i.jpg?a=1&b=2',
      );
      expect(picture('<image>https://img.news.example/bare.jpg</image>')).to.equal('https://img.news.example/bare.jpg');
    });

    it('passes over tracking pixels, emoji and file-type icons in the description', () => {
      const html = [
        '<img src="https://s.example/images/core/emoji/72x72/1f642.png" class="wp-smiley" alt="🙂">',
        '<img title="dvubb" src="skins/default/filetype/jpg.gif">',
        '<img src="https://stats.example/pixel.gif" width="1" height="1">',
        "<img alt='photo' src='https://img.news.example/real.jpg?w=600&amp;h=400'>",
      ].join(' ');
      expect(picture(`<description>${esc(html)}</description>`)).to.equal(
        'https://img.news.example/real.jpg?w=600&h=400',
      );
    });
  });

  describe('dates', () => {
    const published = (date: string) =>
      read(rss(`<item><title>Dated</title><pubDate>${date}</pubDate></item>`)).feed.items[0]!.published?.toISOString();

    it('reads RFC 822 with offsets and zone names, and dates written otherwise', () => {
      expect(published('Sun, 17 Jan 2021 19:27:00 +0100')).to.equal('2021-01-17T18:27:00.000Z');
      expect(published('Mon, 26 Jun 2017 19:40:58 EDT')).to.equal('2017-06-26T23:40:58.000Z');
      expect(published('26 Jun 2017 19:40:58 CEST')).to.equal('2017-06-26T17:40:58.000Z');
      expect(published('Wed, 29 May 2019 08:53:48 GMT ')).to.equal('2019-05-29T08:53:48.000Z');
      expect(published('Wed, 29 May 2019 08:53:48 +05:30')).to.equal('2019-05-29T03:23:48.000Z');
      expect(published('Wed, 29 May 2019 08:53:48')).to.equal('2019-05-29T08:53:48.000Z');
      expect(published('2019-05-29T08:53:48+02:00'), 'ISO 8601 in pubDate').to.equal('2019-05-29T06:53:48.000Z');
    });

    it('reads dc:date when there is no pubDate', () => {
      const { feed } = read(
        rss(
          '<item><title>Dublin Core</title><dc:date>2003-12-13T18:30:02+01:00</dc:date></item>',
          'xmlns:dc="http://purl.org/dc/elements/1.1/"',
        ),
      );
      expect(feed.items[0]!.published!.toISOString()).to.equal('2003-12-13T17:30:02.000Z');
    });

    it('drops dates that are unreadable or absurd', () => {
      expect(published('yesterday')).to.equal(undefined);
      expect(published('Fri, 01 Jan 1802 00:00:00 GMT')).to.equal(undefined);
      expect(published('Fri, 01 Jan 2999 00:00:00 GMT')).to.equal(undefined);
      expect(published('Mon, 31 Foo 2019 08:53:48 GMT')).to.equal(undefined);
    });
  });

  describe('addresses', () => {
    it('resolves relative links against the feed, and against xml:base where given', () => {
      const { feed } = read(
        `<rss version="2.0"><channel xml:base="https://cdn.news.example/site/"><title>Bases</title><link>../</link>
          <item><title>One</title><link>story/1</link></item></channel></rss>`,
      );
      expect(feed.homePageUrl).to.equal('https://cdn.news.example/');
      expect(feed.items[0]!.url).to.equal('https://cdn.news.example/site/story/1');
      expect(read(rss('<item><title>Two</title><link>/story/2</link></item>')).feed.items[0]!.url).to.equal(
        'https://news.example/story/2',
      );
    });

    it('trims links wrapped in CDATA and white space', () => {
      const { feed } = read(
        rss('<item><title>Wrapped</title><link><![CDATA[ https://news.example/w ]]>\n</link></item>'),
      );
      expect(feed.items[0]!.url).to.equal('https://news.example/w');
    });
  });

  describe('RSS 1.0', () => {
    it('reads the items beside the channel', () => {
      const { feed } = read(`<?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://news.example/"><title>RDF News</title><link>https://news.example/</link></channel>
          <item rdf:about="https://news.example/r1"><title>First</title><link>https://news.example/r1</link><dc:date>2023-12-01T10:00:00Z</dc:date></item>
        </rdf:RDF>`);
      expect(feed.title).to.equal('RDF News');
      expect(feed.items).to.have.length(1);
      expect(feed.items[0]).to.deep.include({ title: 'First', url: 'https://news.example/r1' });
      expect(feed.items[0]!.published!.toISOString()).to.equal('2023-12-01T10:00:00.000Z');
    });
  });

  describe('hostile feeds', () => {
    let pwned: ReturnType<typeof watchPwned>;
    beforeEach(() => {
      pwned = watchPwned();
    });
    afterEach(() => pwned.restore());

    it('keeps markup in titles, text, tags and names as text, and runs none of it', async () => {
      const items = HOSTILE_TEXT.map(
        (payload, i) => `<item><guid>h${i}</guid><title>${esc(payload)}</title>
          <description><![CDATA[Safe words. ${payload}]]></description>
          <category>${esc(payload)}</category><author>${esc(payload)}</author></item>`,
      ).join('');
      const { feed } = read(rss(items));
      expect(feed.items.map((item) => item.title)).to.deep.equal([HOSTILE_TEXT[0], '', HOSTILE_TEXT[2], 'click']);
      for (const item of feed.items) {
        expect(item.text)
          .to.match(/^Safe words\./)
          .and.not.match(/<(?:img|script|svg|a)\b/);
        expect(item.authors.every((author) => !author.url)).to.equal(true);
      }
      await pwned.settle();
      expect(pwned.calls).to.equal(0);
    });

    it('drops every hostile address, in links, guids, enclosures, media and pictures', async () => {
      const items = HOSTILE_URLS.map(
        (url, i) => `<item><title>Item ${i}</title><link>${esc(url)}</link><guid>${esc(url)}#${i}</guid>
          <enclosure url="${esc(url)}" type="image/jpeg"/><media:content url="${esc(url)}" medium="image"/>
          <media:thumbnail url="${esc(url)}"/><itunes:image href="${esc(url)}"/><image>${esc(url)}</image>
          <description>${esc(`<img src="${url}">`)}</description><dc:creator>x</dc:creator></item>`,
      ).join('');
      const { feed } = read(
        rss(
          items,
          'xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"',
          `<link>${esc(HOSTILE_URLS[0]!)}</link><atom:link rel="self" href="${esc(HOSTILE_URLS[1]!)}"/>`,
        ),
      );
      expect(feed.items).to.have.length(HOSTILE_URLS.length);
      expect(feed).not.to.have.property('homePageUrl');
      expect(feed).not.to.have.property('feedUrl');
      // XML turns a tab in an attribute into a space, which makes "java script:…" a harmless relative path.
      const harmless = (url?: string) => url === undefined || url.startsWith('https://news.example/');
      for (const item of feed.items) {
        expect(harmless(item.url), `${item.title}: ${item.url}`).to.equal(true);
        expect(harmless(item.image), `${item.title}: ${item.image}`).to.equal(true);
      }
      expect(feed.items.filter((item) => item.url || item.image)).to.have.length.below(2);
      await pwned.settle();
      expect(pwned.calls).to.equal(0);
    });

    it('refuses an entity bomb before any parser expands it, as not-a-feed', () => {
      const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('');
      // Quick whatever the machine: the parser is what would take long (WebKit's expands it all).
      const parsing = sinon.spy(DOMParser.prototype, 'parseFromString');
      try {
        const error = failure(
          `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "boom">${levels}]><rss><channel><title>&e9;</title></channel></rss>`,
        );
        expect(error.code).to.equal('not-a-feed');
        expect(error.message).to.contain('entity bomb');
        expect(parsing.called, 'the bomb reached the XML parser').to.equal(false);
      } finally {
        parsing.restore();
      }
    });

    it('still reads a feed whose own entities are plain text', () => {
      const { feed } = read(
        `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY site "News &amp; more &#8212; daily">]><rss><channel><title>&site;</title></channel></rss>`,
      );
      expect(feed.title).to.equal('News & more — daily');
    });
  });

  describe('documents that are not RSS', () => {
    it('says on which line the XML broke, counting lines before the declaration', () => {
      const broken =
        '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>a <b>SECRET</title>\n</channel></rss>';
      const error = failure(broken);
      expect(error.code).to.equal('not-a-feed');
      expect(error.message).to.match(
        /^https:\/\/news\.example\/rss\.xml is not well-formed XML \(line 4, column \d+\)/,
      );
      expect(error.message).not.to.contain('SECRET');
      expect(failure(`\n\n${broken}`).message).to.contain('(line 6, column');
    });

    it('reads a sloppy feed anyway, with a warning: stray ampersands, HTML entities, undeclared prefixes', () => {
      const { feed, warnings } = read(
        '\n  <rss version="2.0"><channel><title>Sloppy&nbsp;feed</title>\n' +
          '<item><title>Q&A: rates &amp; you&hellip;</title><link>https://news.example/?a=1&b=2</link>' +
          '<media:thumbnail url="https://img.news.example/s.jpg"/><dc:creator>Kamala</dc:creator>\u000b</item></channel></rss>',
      );
      expect(feed.title).to.equal('Sloppy feed');
      expect(feed.items[0]).to.deep.include({
        title: 'Q&A: rates & you…',
        url: 'https://news.example/?a=1&b=2',
        image: 'https://img.news.example/s.jpg',
        authors: [{ name: 'Kamala' }],
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/is not well-formed XML \(line 2, column \d+\); read after escaping/);
    });

    it('names the root element of XML that is not a feed', () => {
      const html = failure('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello</p></body></html>');
      expect(html.code).to.equal('not-a-feed');
      expect(html.message).to.equal(
        `${BASE} is XML but not an RSS or Atom feed: its root element is <html> in namespace http://www.w3.org/1999/xhtml`,
      );
      expect(failure('<opml version="2.0"><body/></opml>').message).to.contain('its root element is <opml>');
    });

    it('refuses empty text and an HTML page as not well-formed', () => {
      expect(failure('').message).to.contain('is not well-formed XML (line 1');
      expect(failure('<!DOCTYPE html><html><body><p>Hi</body></html>').code).to.equal('not-a-feed');
    });
  });
});
