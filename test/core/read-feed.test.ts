import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/core/feed-error.js';
import { readFeed, type ReadOptions } from '../../src/core/read-feed.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { BLOG_ATOM, NEWS_RSS, legacyBytes, rssWithTitle, utf8 } from '../helpers/xml-feeds.js';

const BASE = 'https://news.example/feed';

const read = (input: Uint8Array | string, options: ReadOptions = {}) => readFeed(input, { baseUrl: BASE, ...options });

async function failure(input: Uint8Array | string, options: ReadOptions = {}): Promise<FeedError> {
  try {
    await read(input, options);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('readFeed accepted the body');
}

/** UTF-16 little-endian bytes with a byte order mark. */
const utf16le = (text: string) =>
  new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);

const HTML_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><title>Welcome</title></head><body><p>Our news<br></body></html>';

describe('readFeed', () => {
  describe('finds the format in the body', () => {
    it('reads JSON Feed, RSS and Atom whatever the content type says', async () => {
      const json = utf8(JSON.stringify(jsonFeed(newsItems(2))));
      for (const contentType of ['', 'application/feed+json', 'text/plain', 'application/rss+xml', 'text/html']) {
        expect((await read(json, { contentType })).items, contentType).to.have.length(2);
        expect((await read(utf8(NEWS_RSS), { contentType })).title, contentType).to.equal('Turan News');
        expect((await read(utf8(BLOG_ATOM), { contentType })).title, contentType).to.equal('Notes from Baku');
      }
    });

    it('reads text already decoded', async () => {
      expect((await read(NEWS_RSS)).items).to.have.length(3);
      expect((await read(JSON.stringify(jsonFeed(newsItems(1))))).items).to.have.length(1);
    });

    it('refuses an HTML page as not-json, saying it is a page and not a feed', async () => {
      for (const contentType of ['text/html; charset=utf-8', 'application/rss+xml', '']) {
        const error = await failure(utf8(HTML_PAGE), { contentType });
        expect(error.code, contentType).to.equal('not-json');
        expect(error.message).to.equal(
          `${BASE} is an HTML page, not a feed: check that the URL points at the feed itself`,
        );
      }
      expect((await failure('<html><body>Moved</body></html>')).code).to.equal('not-json');
      expect((await failure('<div>Service unavailable</div>', { contentType: 'text/html' })).message).to.contain(
        'is an HTML page',
      );
    });

    it('names what is wrong with a body that is not a feed', async () => {
      expect((await failure('Service unavailable')).code).to.equal('not-json');
      expect((await failure('{"hello": "world"}')).code).to.equal('not-a-feed');
      const broken = await failure(utf8('<?xml version="1.0"?>\n<rss>\n<channel><title>x</channel></rss>'), {
        contentType: 'application/rss+xml',
      });
      expect(broken.code).to.equal('not-a-feed');
      expect(broken.message).to.match(/not well-formed XML \(line 3, column \d+\)/);
      expect((await failure('<?xml version="1.0"?><opml version="2.0"/>')).message).to.contain(
        'not an RSS or Atom feed: its root element is <opml>',
      );
    });
  });

  describe('decodes the bytes', () => {
    it('reads JSON as UTF-8, with or without a byte order mark, whatever charset is claimed', async () => {
      const feed = jsonFeed([{ id: 1, title: 'Xəbərlər və Новости' }]);
      const bytes = utf8(JSON.stringify(feed));
      expect((await read(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).items[0]!.title).to.equal(
        'Xəbərlər və Новости',
      );
      expect((await read(bytes, { contentType: 'application/json; charset=windows-1251' })).items[0]!.title).to.equal(
        'Xəbərlər və Новости',
      );
    });

    it('reads RSS in windows-1251 and gb2312 as their XML declarations say', async () => {
      expect((await read(legacyBytes(rssWithTitle('Новости', 'windows-1251'), 'windows-1251'))).title).to.equal(
        'Новости',
      );
      expect((await read(legacyBytes(rssWithTitle('新闻中文', 'gb2312'), 'gb2312'))).title).to.equal('新闻中文');
      expect(
        (await read(legacyBytes(rssWithTitle('北京', 'GB2312'), 'gb2312'))).items[0]!.title,
        'labels ignore case',
      ).to.equal('北京');
    });

    it('would show mojibake without the declaration (so the tests above can fail)', async () => {
      expect((await read(legacyBytes(rssWithTitle('Новости'), 'windows-1251'))).title).not.to.equal('Новости');
    });

    it('falls back to the charset of the content type, then to UTF-8', async () => {
      const koi8 = legacyBytes(rssWithTitle('Привет мир'), 'koi8-r');
      expect((await read(koi8, { contentType: 'application/rss+xml; charset="KOI8-R"' })).title).to.equal('Привет мир');
      expect(
        (await read(legacyBytes(rssWithTitle('Café'), 'iso-8859-1'), { contentType: 'text/xml;charset=iso-8859-1' }))
          .title,
      ).to.equal('Café');
      expect((await read(utf8(rssWithTitle('Xəbərlər')), { contentType: 'text/xml' })).title).to.equal('Xəbərlər');
    });

    it('believes the XML declaration over the content type, and a byte order mark over both', async () => {
      const cp1251 = legacyBytes(rssWithTitle('Новости', 'windows-1251'), 'windows-1251');
      expect((await read(cp1251, { contentType: 'application/rss+xml; charset=koi8-r' })).title).to.equal('Новости');
      const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(rssWithTitle('Xəbərlər', 'windows-1251'))]);
      expect((await read(bom, { contentType: 'text/xml; charset=koi8-r' })).title).to.equal('Xəbərlər');
      expect((await read(utf16le(rssWithTitle('Новости', 'utf-16')))).title, 'UTF-16 with its BOM').to.equal('Новости');
    });

    it('reads an unknown or impossible encoding as UTF-8 without throwing', async () => {
      expect(
        (await read(utf8(rssWithTitle('Xəbərlər', 'x-klingon')), { contentType: 'text/xml; charset=nonsense' })).title,
      ).to.equal('Xəbərlər');
      expect(
        (await read(utf8(rssWithTitle('Xəbərlər', 'utf-16')), {})).title,
        'a UTF-16 declaration in ASCII bytes',
      ).to.equal('Xəbərlər');
      const koi8 = legacyBytes(rssWithTitle('Привет мир', 'x-klingon'), 'koi8-r');
      expect(
        (await read(koi8, { contentType: 'text/xml; charset=koi8-r' })).title,
        'the charset after an unknown declaration',
      ).to.equal('Привет мир');
    });
  });
});
