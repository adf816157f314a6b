import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { parseXmlFeed } from '../../src/core/parse-xml.js';
import { readFeed } from '../../src/core/read-feed.js';
import type { Feed } from '../../src/core/types.js';
import { utf8 } from '../helpers/xml-feeds.js';

// Forms real feeds use that the Universal Feed Parser reads, each written here from the format's
// specification (RSS 2.0, RSS 1.0, Atom 1.0 and 0.3, Dublin Core, iTunes, Media RSS, XML 1.0).

const BASE = 'https://news.example/feed.xml';
const NS = {
  dc: 'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  dcterms: 'xmlns:dcterms="http://purl.org/dc/terms/"',
  itunes: 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
  media: 'xmlns:media="http://search.yahoo.com/mrss/"',
  atom: 'xmlns:atom="http://www.w3.org/2005/Atom"',
};

/** An RSS 2.0 document with `items` (raw XML) in its channel and every namespace above declared. */
const rss = (items: string, channel = '<title>Test</title>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${Object.values(NS).join(' ')}><channel>${channel}${items}</channel></rss>`;

/** An Atom 1.0 feed with `entries` (raw XML). */
const atom = (entries: string, head = '<title>Test</title>') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ${NS.media}>${head}${entries}</feed>`;

/** An Atom 0.3 feed with `entries` (raw XML). */
const atom03 = (entries: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>${entries}</feed>`;

/** What `read` gives, with the console's warnings caught so a test can see them. */
function withWarnings<T>(read: () => T): { value: T; warnings: string[] } {
  const warn = sinon.stub(console, 'warn');
  try {
    return { value: read(), warnings: warn.args.map((args) => String(args[0])) };
  } finally {
    warn.restore();
  }
}

/** `readFeed` (asynchronous: the XML reader is loaded on first use) with console warnings caught. */
async function read(input: Uint8Array | string, options: { baseUrl?: string } = {}): Promise<Feed> {
  const warn = sinon.stub(console, 'warn');
  try {
    return await readFeed(input, options);
  } finally {
    warn.restore();
  }
}

const parse = (text: string): Feed => withWarnings(() => parseXmlFeed(text, { baseUrl: BASE })).value;
const item = (text: string) => parse(text).items[0]!;

describe('reading what the Universal Feed Parser reads', () => {
  describe('authors', () => {
    it('split "Name <email>" and "Name (email)" into the name and a mailto link', () => {
      const items = parse(
        rss(
          [
            '<item><title>1</title><guid>1</guid><author>Example editor &lt;me@example.com&gt;</author></item>',
            '<item><title>2</title><guid>2</guid><dc:creator>Example editor (me@example.com)</dc:creator></item>',
            '<item><title>3</title><guid>3</guid><itunes:author>Example editor &lt;mailto:me@example.com&gt;</itunes:author></item>',
            '<item><title>4</title><guid>4</guid><author>me@example.com (Example editor)</author></item>',
          ].join(''),
        ),
      ).items;
      for (const { authors } of items)
        expect(authors).to.deep.equal([{ name: 'Example editor', url: 'mailto:me@example.com' }]);
    });

    it('show an address given alone as the name, linked to it', () => {
      const items = parse(
        rss(
          '<item><title>1</title><guid>1</guid><dc:creator>me@example.com</dc:creator></item><item><title>2</title><guid>2</guid><author>&lt;me@example.com&gt;</author></item>',
        ),
      ).items;
      for (const { authors } of items)
        expect(authors).to.deep.equal([{ name: 'me@example.com', url: 'mailto:me@example.com' }]);
    });

    it('leave a plain name alone, with no link', () => {
      expect(
        item(rss('<item><title>1</title><dc:creator>Jane (the editor)</dc:creator></item>')).authors,
      ).to.deep.equal([{ name: 'Jane (the editor)' }]);
    });
  });

  describe('Atom text constructs', () => {
    it('decode Atom 0.3 mode="base64" titles and summaries', () => {
      const title = btoa('Example Atom');
      // UTF-8 under the base64, as the document's own encoding.
      const summary = btoa(String.fromCharCode(...utf8('<p>Ça marche &amp; très bien</p>')));
      const entry = item(
        atom03(
          `<entry><id>1</id><title mode="base64">${title}</title><summary type="text/html" mode="base64">${summary}</summary></entry>`,
        ),
      );
      expect(entry.title).to.equal('Example Atom');
      expect(entry.text).to.equal('Ça marche & très bien');
    });

    it('read type="" as text', () => {
      const entry = item(
        atom(
          '<entry><id>1</id><title type="">Example &lt;b&gt;title&lt;/b&gt;</title><summary type="">Plain</summary></entry>',
        ),
      );
      expect(entry.title).to.equal('Example <b>title</b>');
      expect(entry.text).to.equal('Plain');
    });
  });

  describe('Dublin Core terms', () => {
    it('read dcterms:issued, dcterms:created and dcterms:modified as dates', () => {
      const [issued, created] = parse(
        rss(
          [
            '<item><title>1</title><guid>1</guid><dcterms:issued>2023-05-01T10:00:00Z</dcterms:issued><dcterms:modified>2023-05-02T10:00:00Z</dcterms:modified></item>',
            '<item><title>2</title><guid>2</guid><dcterms:created>2023-04-01T10:00:00Z</dcterms:created></item>',
          ].join(''),
        ),
      ).items;
      expect(issued!.published?.toISOString()).to.equal('2023-05-01T10:00:00.000Z');
      expect(issued!.modified?.toISOString()).to.equal('2023-05-02T10:00:00.000Z');
      expect(created!.published?.toISOString()).to.equal('2023-04-01T10:00:00.000Z');
      const entry = item(
        atom(
          '<entry xmlns:dcterms="http://purl.org/dc/terms/"><id>1</id><title>A</title><dcterms:modified>2023-06-01T00:00:00Z</dcterms:modified></entry>',
        ),
      );
      expect(entry.modified?.toISOString()).to.equal('2023-06-01T00:00:00.000Z');
    });

    it('read dc:title and dc:description when there is no title or description', () => {
      const feed = parse(
        rss(
          '<item><guid>1</guid><dc:title>Example title</dc:title><dc:description>Example description</dc:description></item>',
          '<dc:title>Channel title</dc:title>',
        ),
      );
      expect(feed.title).to.equal('Channel title');
      expect(feed.items[0]).to.include({ title: 'Example title', text: 'Example description' });
    });
  });

  describe('tags and pictures', () => {
    it('read itunes:category (with its subcategories) and media:category as tags', () => {
      const entry = item(
        rss(
          '<item><title>1</title><itunes:category text="Technology"><itunes:category text="Podcasting"/></itunes:category><media:category scheme="urn:x">Music/Jazz</media:category></item>',
        ),
      );
      expect(entry.tags).to.deep.equal(['Technology', 'Podcasting', 'Music/Jazz']);
      expect(
        item(
          atom(
            '<entry><id>1</id><title>A</title><media:group><media:category>Film</media:category></media:group></entry>',
          ),
        ).tags,
      ).to.deep.equal(['Film']);
    });

    it('take itunes:image written with url= or as text as the picture', () => {
      const [byUrl, byText] = parse(
        rss(
          '<item><title>1</title><guid>1</guid><itunes:image url="/1.jpg"/></item><item><title>2</title><guid>2</guid><itunes:image>https://img.news.example/2.jpg</itunes:image></item>',
        ),
      ).items;
      expect(byUrl!.image).to.equal('https://news.example/1.jpg');
      expect(byText!.image).to.equal('https://img.news.example/2.jpg');
    });
  });

  it('uses rdf:about as the id of an RSS 1.0 item', () => {
    const feed = parse(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://news.example/"><title>RSS 1.0</title><link>https://news.example/</link></channel>
  <item rdf:about="https://news.example/about/1"><title>One</title><link>https://news.example/1</link></item>
</rdf:RDF>`);
    expect(feed.items[0]).to.include({ id: 'https://news.example/about/1', url: 'https://news.example/1' });
  });

  it('reads a feed with an XHTML doctype before <rss>, judging by the root element', async () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<rss version="2.0"><channel><title>Doctype</title><item><title>Kept</title></item></channel></rss>`;
    const feed = await read(utf8(text), { baseUrl: BASE });
    expect(feed.items.map(({ title }) => title)).to.deep.equal(['Kept']);
    const page = await read(
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html><body>Page</body></html>',
    ).catch((error: Error) => error);
    expect(page)
      .to.be.an('error')
      .with.property('message')
      .that.matches(/is an HTML page/);
  });

  it('repairs &#X41; (an uppercase X, which XML forbids) to the character it names', () => {
    const { value: feed, warnings } = withWarnings(() =>
      parseXmlFeed(rss('<item><title>&#X41;BC &#x42;</title></item>'), { baseUrl: BASE }),
    );
    expect(feed.items[0]!.title).to.equal('ABC B');
    expect(warnings.join()).to.contain('not well-formed');
  });

  describe('UTF-32', () => {
    /** `text` in UTF-32, with or without a byte order mark. */
    function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
      const points = [...((bom ? '\ufeff' : '') + text)].map((c) => c.codePointAt(0)!);
      const view = new DataView(new ArrayBuffer(points.length * 4));
      points.forEach((point, i) => view.setUint32(i * 4, point, littleEndian));
      return new Uint8Array(view.buffer);
    }
    const text =
      '<?xml version="1.0" encoding="utf-32"?><rss version="2.0"><channel><title>Грамм 𝄞</title><item><title>Ünïcode</title></item></channel></rss>';

    it('reads big- and little-endian feeds, by byte order mark or by how "<" is written', async () => {
      for (const littleEndian of [true, false]) {
        for (const bom of [true, false]) {
          const feed = await read(utf32(text, littleEndian, bom), { baseUrl: BASE });
          expect(feed.title, `LE ${littleEndian}, BOM ${bom}`).to.equal('Грамм 𝄞');
          expect(feed.items[0]!.title).to.equal('Ünïcode');
        }
      }
    });

    it('shows a replacement character for a code point no Unicode text has', async () => {
      const text = '<rss><channel><title>AB</title></channel></rss>';
      const bytes = utf32(text, true, false);
      new DataView(bytes.buffer).setUint32(4 * text.indexOf('B'), 0x110000, true);
      expect((await read(bytes)).title).to.equal('A\ufffd');
    });
  });

  it('keeps the text after an unclosed <object> or <iframe> in a description', () => {
    const items = parse(
      rss(
        [
          '<item><title>1</title><guid>1</guid><description>&lt;p&gt;Before&lt;/p&gt;&lt;object data="x.swf"&gt;&lt;p&gt;After the object.&lt;/p&gt;</description></item>',
          '<item><title>2</title><guid>2</guid><description>Before &lt;iframe src="https://evil.example/"&gt; after the &lt;b&gt;frame&lt;/b&gt;.</description></item>',
          '<item><title>3</title><guid>3</guid><description>Closed &lt;iframe src="x"&gt;Fallback&lt;/iframe&gt;&lt;object&gt;&lt;param name="a"&gt;&lt;/object&gt; stays out.</description></item>',
        ].join(''),
      ),
    ).items;
    expect(items.map(({ text }) => text)).to.deep.equal([
      'Before After the object.',
      'Before after the frame.',
      'Closed stays out.',
    ]);
  });

  it('resolves a self link with href="" to the xml:base in force', () => {
    const feed = parse(
      atom(
        '',
        '<title>T</title><link rel="self" href="" xml:base="https://blog.example/feeds/atom.xml"/><link rel="alternate" href=""/>',
      ),
    );
    expect(feed.feedUrl).to.equal('https://blog.example/feeds/atom.xml');
    expect(feed.homePageUrl).to.equal(BASE);
  });

  it('maps C1 control characters as browsers map windows-1252', () => {
    const feed = parse(
      rss(
        '<item><title>It\u0092s \u0093quoted\u0094 \u0096 \u0080 5</title><description>Caf&#233; \u0085 &amp;#150; done</description></item>',
      ),
    );
    expect(feed.items[0]!.title).to.equal('It’s “quoted” – € 5');
    expect(feed.items[0]!.text).to.equal('Café … – done');
  });

  describe('entries without title or text', () => {
    it('are kept when they have a link or an enclosure, with a headline made from it', () => {
      const { value: feed, warnings } = withWarnings(() =>
        parseXmlFeed(
          rss(
            [
              '<item><link>https://photos.example/2024/06/sunset%20beach/</link></item>',
              '<item><guid isPermaLink="false">ep-3</guid><enclosure url="https://cdn.example/shows/episode%203.mp3" type="audio/mpeg" length="1"/></item>',
              '<item><guid isPermaLink="false">nothing</guid></item>',
            ].join(''),
          ),
          { baseUrl: BASE },
        ),
      );
      expect(feed.items.map(({ id, title, text }) => [id, title, text])).to.deep.equal([
        ['https://photos.example/2024/06/sunset%20beach/', 'photos.example/2024/06/sunset beach', ''],
        ['ep-3', 'episode 3.mp3', ''],
      ]);
      expect(warnings.join()).to.contain('#3 (no title or text)');
      const entry = item(
        atom(
          '<entry><id>1</id><link rel="enclosure" type="image/jpeg" href="https://img.example/p/IMG_0042.JPG"/></entry>',
        ),
      );
      expect(entry).to.include({ title: 'IMG_0042.JPG', image: 'https://img.example/p/IMG_0042.JPG' });
    });
  });
});
