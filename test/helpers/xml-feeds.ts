/** RSS and Atom samples written for Feedlets, and the bytes of feeds in legacy encodings. */

/** A news site's RSS 2.0: namespaced extensions, CDATA, a relative link, three kinds of picture. */
export const NEWS_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Turan News</title>
    <link>https://news.example/</link>
    <atom:link rel="self" type="application/rss+xml" href="https://news.example/rss.xml"/>
    <description>News from the region</description>
    <language>en-gb</language>
    <item>
      <title>Parliament passes the budget</title>
      <link>https://news.example/story/1</link>
      <guid isPermaLink="false">turan-1</guid>
      <pubDate>Thu, 21 Dec 2023 17:11:00 +0400</pubDate>
      <description>&lt;p&gt;The vote was &lt;b&gt;close&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Debate ran late.&lt;/p&gt;</description>
      <category>Politics</category>
      <category>Economy</category>
      <dc:creator>Leyla Mammadova</dc:creator>
      <media:content url="https://img.news.example/1.jpg" medium="image" width="800" height="450"/>
    </item>
    <item>
      <title><![CDATA[Snow & ice close mountain roads]]></title>
      <link>/story/2</link>
      <guid>https://news.example/story/2</guid>
      <pubDate>Wed, 20 Dec 2023 09:30:00 GMT</pubDate>
      <description><![CDATA[<img src="/images/snow.jpg" alt=""> Drivers are told to <em>stay home</em>.]]></description>
      <category>Weather</category>
      <author>desk@news.example (Weather Desk)</author>
    </item>
    <item>
      <title>Markets close higher</title>
      <link>https://news.example/story/3</link>
      <pubDate>Tue, 19 Dec 2023 16:00:00 EST</pubDate>
      <content:encoded><![CDATA[<p>Stocks rose on <em>Tuesday</em>.</p>]]></content:encoded>
      <enclosure url="https://img.news.example/3.png" type="image/png" length="1234"/>
      <category>Economy</category>
    </item>
  </channel>
</rss>`;

/** A podcast: audio enclosures and iTunes tags. */
export const PODCAST_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>The Caspian Podcast</title>
    <link>https://podcast.example/</link>
    <language>az</language>
    <itunes:author>Caspian Studio</itunes:author>
    <itunes:image href="https://podcast.example/show.jpg"/>
    <item>
      <title>Episode 12: Ports</title>
      <guid isPermaLink="false">pod-12</guid>
      <enclosure url="https://cdn.podcast.example/12.mp3" length="12345678" type="audio/mpeg"/>
      <itunes:image href="https://podcast.example/12.jpg"/>
      <itunes:duration>00:42:10</itunes:duration>
      <itunes:summary>Why the ports matter.</itunes:summary>
      <pubDate>Mon, 18 Dec 23 06:00:00 +0000</pubDate>
    </item>
    <item>
      <title>Episode 11: The silk road</title>
      <guid isPermaLink="false">pod-11</guid>
      <enclosure url="https://cdn.podcast.example/11.mp3" length="23456789" type="audio/mpeg"/>
      <description>Trade routes, old and new.</description>
      <itunes:author>Guest Host</itunes:author>
      <pubDate>Mon, 11 Dec 2023 06:00 +0000</pubDate>
    </item>
  </channel>
</rss>`;

/** A blog's Atom feed: text, HTML and XHTML constructs, `xml:base` at every level. */
export const BLOG_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://blog.example/">
  <title type="text">Notes from Baku</title>
  <link href="/"/>
  <link rel="self" href="feed.atom"/>
  <link rel="next" href="feed.atom?page=2"/>
  <id>tag:blog.example,2023:feed</id>
  <updated>2023-12-21T10:00:00Z</updated>
  <author><name>Aysel</name><uri>/about</uri></author>
  <entry xml:base="/2023/12/">
    <title type="html">Tea &amp;amp; &lt;em&gt;pakhlava&lt;/em&gt;</title>
    <link rel="related" href="https://elsewhere.example/tea"/>
    <link rel="alternate" type="text/html" href="tea.html"/>
    <id>tag:blog.example,2023:tea</id>
    <published>2023-12-20T08:00:00+04:00</published>
    <updated>2023-12-21T09:00:00Z</updated>
    <category term="food" label="Food &amp; drink"/>
    <category term="baku"/>
    <content type="xhtml" xml:base="photos/">
      <div xmlns="http://www.w3.org/1999/xhtml"><p>Black tea, <strong>always</strong>.</p><p><img src="tea.jpg" alt="A glass of tea"/></p></div>
    </content>
  </entry>
  <entry>
    <title>Winter in the old city</title>
    <link href="2023/11/winter.html" xml:base="https://mirror.example/"/>
    <id>tag:blog.example,2023:winter</id>
    <updated>2023-11-30T12:00:00Z</updated>
    <summary>Short days, long shadows.</summary>
    <content type="html">&lt;p&gt;A long walk.&lt;/p&gt;&lt;img src="winter.jpg"&gt;</content>
    <author><name>Rashad</name><email>rashad@blog.example</email></author>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <em>very</em> short note</div></title>
    <link rel="replies" href="note#comments"/>
    <link rel="enclosure" type="image/jpeg" href="note.jpg"/>
    <id>tag:blog.example,2023:note</id>
    <updated>2023-11-01T12:00:00Z</updated>
  </entry>
</feed>`;

/** Each character a test feed needs in a legacy encoding, with its bytes (from the encoding's tables). */
const TABLES: Record<string, Record<string, number[]>> = {
  // windows-1251 puts А…я at 0xC0…0xFF in order.
  'windows-1251': Object.fromEntries(
    Array.from({ length: 64 }, (_, i) => [String.fromCharCode(0x410 + i), [0xc0 + i]]),
  ),
  'koi8-r': { П: [0xf0], р: [0xd2], и: [0xc9], в: [0xd7], е: [0xc5], т: [0xd4], м: [0xcd] },
  gb2312: {
    新: [0xd0, 0xc2],
    闻: [0xce, 0xc5],
    中: [0xd6, 0xd0],
    文: [0xce, 0xc4],
    北: [0xb1, 0xb1],
    京: [0xbe, 0xa9],
  },
  'iso-8859-1': { é: [0xe9], ü: [0xfc] },
};

/**
 * `text` as bytes in `encoding`, written by hand because TextEncoder only writes UTF-8: ASCII as
 * it is, other characters from the encoding's table.
 */
export function legacyBytes(text: string, encoding: keyof typeof TABLES): Uint8Array<ArrayBuffer> {
  const bytes = [...text].flatMap((char) => {
    if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
    const code = TABLES[encoding]![char];
    if (!code) throw new Error(`no ${encoding} bytes for ${char} in the test table`);
    return code;
  });
  return new Uint8Array(bytes);
}

/** UTF-8 bytes, for feeds whose bytes a test compares with the legacy ones. */
export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A one-item RSS feed whose channel and item titles are `title`, declaring `encoding` when given. */
export const rssWithTitle = (title: string, encoding?: string) =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?>
<rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>
<item><title>${title}</title><link>https://news.example/story/1</link></item></channel></rss>`;
