import { FeedError } from './feed-error.js';
import {
  addressHeadline,
  fileHeadline,
  markNormalised,
  plain,
  toDate,
  toLanguage,
  toTags,
  toTime,
  warnSkipped,
  withDefined,
  withLazyText,
} from './normalise.js';
import type { ParseOptions } from './parse-feed.js';
import { safeUrl } from './safe-url.js';
import { TEXT_MAX, TITLE_MAX, clip, decodeEntities, htmlToText } from './text.js';
import type { Author, Feed, Item } from './types.js';

// Namespaces are matched by URI, never by prefix, compared without case or a trailing slash
// (feeds write both `http://search.yahoo.com/mrss` and `…/mrss/`).
const ATOM = 'http://www.w3.org/2005/atom';
const ATOM_03 = 'http://purl.org/atom/ns#';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XHTML = 'http://www.w3.org/1999/xhtml';
const CONTENT = 'http://purl.org/rss/1.0/modules/content';
const DC = 'http://purl.org/dc/elements/1.1';
const DCTERMS = 'http://purl.org/dc/terms';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const MEDIA = 'http://search.yahoo.com/mrss';
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
/** Where undeclared prefixes of well-known modules point when a sloppy feed is repaired. */
const PREFIXES: Record<string, string> = {
  atom: ATOM,
  content: CONTENT,
  dc: DC,
  dcterms: DCTERMS,
  media: MEDIA,
  itunes: ITUNES,
};

const ns = (uri: string | null) => (uri ?? '').toLowerCase().replace(/\/$/, '');

/** The child elements of `parent` named `name` in namespace `space`. */
const all = (parent: Element, space: string | null, name: string) =>
  [...parent.children].filter((el) => el.localName === name && ns(el.namespaceURI) === ns(space));

const first = (parent: Element, space: string | null, name: string): Element | undefined => all(parent, space, name)[0];

const textOf = (el: Element | undefined) => el?.textContent?.trim() ?? '';

/** Plain text from text that may still carry character references (feeds often escape twice). */

/** The base URL in force at `el`: every `xml:base` on the way down from the document resolves against the one above. */
function baseOf(el: Element | null, base: string | undefined): string | undefined {
  if (!el) return base;
  const above = baseOf(el.parentElement, base);
  const own = el.getAttributeNS(XML_NS, 'base');
  if (!own) return above;
  try {
    return new URL(own, above ?? document.baseURI).href;
  } catch {
    return above;
  }
}

/** A URL where it stands; `empty` when an empty value is a reference to the base itself. */
type Candidate = [value: string | null | undefined, at: Element, empty?: boolean];

/** The first candidate that is a safe URL once resolved where it stands. */
function pick(candidates: Iterable<Candidate>, base: string | undefined, mailto = false): string | undefined {
  for (const [value, at, empty] of candidates) {
    const where = baseOf(at, base);
    // An empty `href` is a same-document reference (RFC 3986): the base in force, as a browser reads it.
    const url = value?.trim()
      ? safeUrl(value.trim(), where, mailto)
      : empty && value === ''
        ? safeUrl(where ?? document.baseURI, undefined, mailto)
        : undefined;
    if (url) return url;
  }
  return undefined;
}

/** The `href` of a link element as a candidate, where an empty one stands for the base. */
const href = (el: Element | undefined, at: Element): Candidate => [el?.getAttribute('href'), el ?? at, true];

const IMG = /<img\s[^>]*>/gi;
const SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
/** One-pixel trackers, emoji, smileys and file-type icons are not the item's picture. */
const NOT_A_PICTURE =
  /\s(?:width|height)\s*=\s*["']?[01](?:px)?["'\s/>]|\b(?:emoji|smilies|wp-smiley|icons?|filetype)\b/i;

/** The `src` of each `<img>` in escaped HTML, found without parsing it: nothing is built or loaded. */
function* imagesIn(el: Element | undefined): Generator<Candidate> {
  if (!el) return;
  for (const [tag] of (el.textContent ?? '').slice(0, 20_000).matchAll(IMG)) {
    const src = SRC.exec(tag);
    if (src && !NOT_A_PICTURE.test(tag)) yield [decodeEntities(src[1] ?? src[2] ?? src[3] ?? ''), el];
  }
}

const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|webp)(?:[?#]|$)/i;
/** Whether a media reference is a picture: by its type or medium, else by its file name. */
function isImage(el: Element, url: string | null) {
  const type = el.getAttribute('type') ?? '';
  const medium = el.getAttribute('medium') ?? '';
  return type || medium ? type.toLowerCase().startsWith('image/') || medium === 'image' : IMAGE_FILE.test(url ?? '');
}

/** Media RSS elements of an item, also those grouped in `<media:group>`. */
function mediaOf(item: Element, name: string): Element[] {
  return [item, ...all(item, MEDIA, 'group')].flatMap((parent) => all(parent, MEDIA, name));
}

/** Categories every format shares: iTunes categories (nested ones too) and Media RSS's. */
function extensionTags(item: Element): string[] {
  const itunes = (el: Element): string[] => [
    el.getAttribute('text') ?? '',
    ...all(el, ITUNES, 'category').flatMap(itunes),
  ];
  return [...all(item, ITUNES, 'category').flatMap(itunes), ...mediaOf(item, 'category').map(textOf)];
}

/** The first Media RSS file of an item, whatever its kind. */
const mediaFile = (item: Element, base: string | undefined) =>
  pick(
    mediaOf(item, 'content').map((el) => [el.getAttribute('url'), el]),
    base,
  );

/** Picture candidates every format shares: Media RSS, then iTunes. */
function* mediaImages(item: Element): Generator<Candidate> {
  for (const el of mediaOf(item, 'content')) {
    const url = el.getAttribute('url');
    if (isImage(el, url)) yield [url, el];
  }
  for (const el of mediaOf(item, 'thumbnail')) yield [el.getAttribute('url'), el];
  // The spec says href=; feeds also write url= or the address as text.
  for (const el of all(item, ITUNES, 'image'))
    yield [el.getAttribute('href') || el.getAttribute('url') || textOf(el), el];
}

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
/** Hours from UTC of the zone names RFC 822 allows, and a few more that feeds use. */
const ZONES: Record<string, number> = {
  edt: -4,
  est: -5,
  cdt: -5,
  cst: -6,
  mdt: -6,
  mst: -7,
  pdt: -7,
  pst: -8,
  bst: 1,
  cet: 1,
  cest: 2,
  eet: 2,
  eest: 3,
  msk: 3,
};
const RFC822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[a-z]+)?/i;

/**
 * An RSS date: RFC 822 read by hand (engines disagree on its zones and two-digit years), anything
 * else by `Date.parse`, as feeds also put ISO dates in `pubDate`.
 */
function rssDate(value: string): Date | undefined {
  const match = RFC822.exec(value.trim());
  const month = match ? MONTHS.indexOf(match[2]!.toLowerCase()) : -1;
  if (!match || month % 3) return toDate(value.trim());
  const [, day, , yy, hours, minutes, seconds = 0, zone = 'gmt'] = match;
  const year = Number(yy) < 100 ? Number(yy) + (Number(yy) < 50 ? 2000 : 1900) : Number(yy);
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = /\d/.test(zone)
    ? sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
    : (ZONES[zone.toLowerCase()] ?? 0) * 60;
  return toTime(Date.UTC(year, month / 3, Number(day), Number(hours), Number(minutes) - offset, Number(seconds)));
}

/** A short stable id for an item that has neither id nor link (cyrb53). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What one format reads from an item before the shared rules (ids, skipping) apply. */
interface Draft extends Omit<Item, 'id' | 'text'> {
  id: string;
  /** What an item without id or link is known by: its title, date and raw text. */
  fingerprint: string;
  text: () => string;
  /** The item's first enclosed file, whose name is the headline of an item with no other: found only then. */
  enclosure: () => string | undefined;
}

const person = (name: string, url?: string): Author | undefined => {
  const clean = plain(name, 100);
  return clean ? withDefined<Author>({ name: clean }, { url }) : undefined;
};

/** An address in a person's text, bare or in `<…>` or `(…)`, with `mailto:` or without. */
const EMAIL = /[<(]?\s*(?:mailto:)?(?<![^\s<(:])([^\s()<>@,;:"]+@[^\s()<>@,;:"]+\.[^\s()<>@,;:"]+)\s*[>)]?/i;

/**
 * A person written as text, as RSS `<author>`, `dc:creator` and `itunes:author` are: the RSS
 * spec's `jane@example.org (Jane Doe)`, or `Jane Doe <jane@example.org>`, `Jane Doe
 * (jane@example.org)`, a bare name or a bare address. The name is shown, linked to the address;
 * an address alone is shown as it is, as there is nothing else to call the person.
 */
function textAuthor(el: Element): Author | undefined {
  const value = decodeEntities(textOf(el));
  const match = EMAIL.exec(value);
  if (!match) return person(value);
  const rest = (value.slice(0, match.index) + value.slice(match.index + match[0].length)).trim();
  // What surrounds the address: `(Jane Doe)` after it, or a name before it.
  const name = /^\((.*)\)$/.exec(rest)?.[1] ?? rest;
  return person(name.trim() || match[1]!, safeUrl(`mailto:${match[1]}`, undefined, true));
}

function atomAuthor(el: Element, space: string | null, base: string | undefined): Author | undefined {
  const uri = first(el, space, 'uri');
  const email = textOf(first(el, space, 'email'));
  return person(
    textOf(first(el, space, 'name')),
    pick([[uri && textOf(uri), uri ?? el]], base, true) ??
      (email ? safeUrl(`mailto:${email}`, undefined, true) : undefined),
  );
}

/**
 * An RSS title. RSS never said whether titles are text or HTML; a title with a closed element
 * (`<span class="rupee">₹</span>`) is read as HTML, one with a stray `<b>` as literal text.
 */
const rssTitle = (value: string) =>
  /<([a-z][\w-]*)\b[^>]*>[\s\S]*<\/\1\s*>/i.test(value) ? clip(htmlToText(value), TITLE_MAX) : plain(value, TITLE_MAX);

const present = <T>(value: T | undefined): value is T => value !== undefined;

/** How an Atom text construct or content is written: `text` (the default), `html`, `xhtml`, or something else. */
function kind(el: Element): string {
  // An empty type is no type: text.
  const type = el.getAttribute('type')?.trim().toLowerCase() || 'text';
  if (el.hasAttribute('src')) return '';
  // Atom 0.3 and some generators give media types instead of the three names.
  if (type === 'xhtml' || type.includes('xml')) return 'xhtml';
  return type.includes('html') ? 'html' : type === 'text' || type.startsWith('text/') ? 'text' : '';
}

/** Atom 0.3's `mode="base64"`: the text's UTF-8 bytes in base64 (an unreadable one gives nothing). */
function fromBase64(value: string): string {
  try {
    // Enough for any excerpt: a hostile megabyte is not decoded whole.
    const start = value.slice(0, 60_000).replace(/\s+/g, '').slice(0, 40_000);
    return new TextDecoder().decode(Uint8Array.from(atob(start), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/** Plain text of an Atom text construct or content. */
function atomText(el: Element | undefined, max: number): string {
  const type = el ? kind(el) : '';
  if (!el || !type) return '';
  if (el.getAttribute('mode') === 'base64') {
    const decoded = fromBase64(el.textContent ?? '');
    return type === 'text' ? plain(decoded, max) : clip(htmlToText(decoded), max);
  }
  // Inline XHTML is markup already parsed; serialise it so the one inert HTML reader sees it.
  if (type === 'xhtml')
    return clip(
      htmlToText([...el.children].map((child) => new XMLSerializer().serializeToString(child)).join(' ')),
      max,
    );
  if (type === 'html') return clip(htmlToText(el.textContent ?? ''), max);
  return plain(el.textContent ?? '', max);
}

/** Pictures in an Atom text construct: `<img>` elements in XHTML, escaped `<img>` tags in HTML. */
function* atomImages(el: Element | undefined): Generator<Candidate> {
  if (!el) return;
  if (kind(el) === 'xhtml') {
    for (const img of el.getElementsByTagNameNS(XHTML, 'img')) yield [img.getAttribute('src'), img];
  } else if (kind(el) === 'html') yield* imagesIn(el);
}

function rssItem(item: Element, base: string | undefined, feedAuthors: Author[]): Draft {
  const space = item.namespaceURI;
  const get = (name: string) => first(item, space, name);
  const description = get('description');
  const encoded = first(item, CONTENT, 'encoded');
  const link = get('link');
  const guid = get('guid');
  // A guid is the item's address only when it says so (the default) and looks like one.
  const permalink = guid?.getAttribute('isPermaLink') !== 'false' && /^https?:/i.test(textOf(guid)) ? guid : undefined;
  const pubDate = textOf(get('pubDate'));
  const dcDate = textOf(first(item, DC, 'date') ?? first(item, DCTERMS, 'issued') ?? first(item, DCTERMS, 'created'));
  const title = textOf(get('title')) || textOf(first(item, DC, 'title'));
  const authors = [
    ...[
      ...all(item, space, 'author'),
      ...all(item, DC, 'creator'),
      ...all(item, DC, 'author'),
      ...all(item, ITUNES, 'author'),
    ].map(textAuthor),
  ].filter(present);
  const html = [description, encoded, ...all(item, ITUNES, 'summary'), ...all(item, DC, 'description')];
  // RSS 1.0 names each item by its rdf:about.
  const about = item.getAttributeNS(RDF, 'about')?.trim();
  return {
    id: textOf(guid) || about || textOf(link),
    fingerprint: title + pubDate + dcDate + textOf(description),
    title: rssTitle(title),
    text: () => clip(html.map((el) => (el ? htmlToText(el.textContent ?? '') : '')).find(Boolean) ?? '', TEXT_MAX),
    url: pick(
      [
        [textOf(link), link ?? item],
        [textOf(permalink), item],
      ],
      base,
    ),
    image: pick(
      (function* () {
        for (const el of all(item, space, 'enclosure')) {
          const url = el.getAttribute('url');
          if (isImage(el, url)) yield [url, el] as Candidate;
        }
        yield* mediaImages(item);
        // Not in any spec, but common: `<image>URL</image>` or `<image><url>URL</url></image>`.
        for (const el of all(item, space, 'image')) yield [textOf(first(el, space, 'url') ?? el), el] as Candidate;
        for (const el of html) yield* imagesIn(el);
      })(),
      base,
    ),
    tags: toTags([
      ...all(item, space, 'category').map(textOf),
      ...all(item, DC, 'subject').map(textOf),
      ...extensionTags(item),
    ]),
    authors: authors.length ? authors : feedAuthors,
    published: pubDate ? rssDate(pubDate) : toDate(dcDate),
    modified: toDate(textOf(first(item, DCTERMS, 'modified'))),
    enclosure: () =>
      pick(
        all(item, space, 'enclosure').map((el) => [el.getAttribute('url'), el]),
        base,
      ) ?? mediaFile(item, base),
    language: toLanguage(item.getAttributeNS(XML_NS, 'lang') || textOf(first(item, DC, 'language'))),
  };
}

function atomEntry(entry: Element, base: string | undefined, feedAuthors: Author[]): Draft {
  const space = entry.namespaceURI;
  const get = (name: string) => first(entry, space, name);
  const links = all(entry, space, 'link');
  const rel = (el: Element) => el.getAttribute('rel') ?? 'alternate';
  const alternates = links.filter((el) => rel(el) === 'alternate');
  const link = alternates.find((el) => /html/i.test(el.getAttribute('type') ?? 'html')) ?? alternates[0] ?? links[0];
  const summary = get('summary');
  const content = get('content');
  const source = get('source');
  const authors = [...all(entry, space, 'author'), ...(source ? all(source, space, 'author') : [])]
    .map((el) => atomAuthor(el, space, base))
    .filter(present);
  const dc = (name: string) => first(entry, DCTERMS, name);
  const published = textOf(get('published') ?? get('issued') ?? get('created') ?? dc('issued') ?? dc('created'));
  const updated = textOf(get('updated') ?? get('modified') ?? dc('modified'));
  return {
    id: textOf(get('id')) || (link?.getAttribute('href')?.trim() ?? ''),
    fingerprint: textOf(get('title')) + published + updated + textOf(summary ?? content),
    title: atomText(get('title'), TITLE_MAX),
    text: () =>
      atomText(summary, TEXT_MAX) ||
      atomText(content, TEXT_MAX) ||
      plain(textOf(mediaOf(entry, 'description')[0]), TEXT_MAX),
    url: pick([href(link, entry)], base),
    image: pick(
      (function* () {
        for (const el of links) {
          const href = el.getAttribute('href');
          if (rel(el) === 'enclosure' && isImage(el, href)) yield [href, el] as Candidate;
        }
        yield* mediaImages(entry);
        yield* atomImages(summary);
        yield* atomImages(content);
      })(),
      base,
    ),
    tags: toTags([
      ...all(entry, space, 'category').map((el) => el.getAttribute('label') || el.getAttribute('term') || ''),
      ...extensionTags(entry),
    ]),
    authors: authors.length ? authors : feedAuthors,
    published: toDate(published || updated),
    modified: toDate(updated),
    language: toLanguage(entry.getAttributeNS(XML_NS, 'lang')),
    enclosure: () =>
      pick(
        links.filter((el) => rel(el) === 'enclosure').map((el) => [el.getAttribute('href'), el]),
        base,
      ) ?? mediaFile(entry, base),
  };
}

/** Applies the rules every format shares: an id for every item, and none without a headline. */
function finish(drafts: Draft[], source: string): Item[] {
  const items: Item[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  drafts.forEach(({ id, fingerprint, text, enclosure, ...fields }, index) => {
    // Many RSS items have no guid; the link, else a hash of what they say, stands in.
    const key = id || fields.url || (fingerprint.trim() ? `hash:${hash(fingerprint)}` : '');
    // An untitled item needs its text as a headline: read it now to know whether there is one.
    let known = fields.title ? undefined : text();
    // Photo and podcast feeds often give only a link or a file: its address is the headline.
    const file = known === '' ? enclosure() : undefined;
    if (known === '' && (fields.url || file)) {
      // An Atom entry's only link may be its enclosure: name the file then.
      fields.title =
        fields.url && fields.url !== file ? addressHeadline(fields.url) : fileHeadline(file ?? fields.url!);
      known = undefined;
    }
    let why = '';
    if (known === '') why = 'no title or text';
    else if (seen.has(key)) why = 'duplicate id';
    if (why) return void skipped.push(`#${index + 1} (${why})`);
    seen.add(key);
    items.push(withLazyText(withDefined({ id: key } as Omit<Item, 'text'>, fields), () => known ?? text()));
  });
  warnSkipped(source, skipped);
  return items;
}

function rssFeed(root: Element, base: string | undefined, source: string): Feed {
  const channel = [...root.children].find((el) => el.localName === 'channel') ?? root;
  const space = channel.namespaceURI;
  const get = (name: string) => first(channel, space, name);
  const feedAuthors = [...all(channel, DC, 'creator'), ...all(channel, DC, 'author'), ...all(channel, ITUNES, 'author')]
    .map(textAuthor)
    .filter(present);
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const items = [...all(channel, space, 'item'), ...(channel === root ? [] : all(root, space, 'item'))];
  const atomLinks = all(channel, ATOM, 'link');
  const atomLink = (rel: string) => atomLinks.find((el) => el.getAttribute('rel') === rel);
  const self = atomLink('self');
  const next = atomLink('next');
  return withDefined<Feed>(
    {
      title: plain(textOf(get('title')) || textOf(first(channel, DC, 'title')), TITLE_MAX),
      items: finish(
        items.map((item) => rssItem(item, base, feedAuthors)),
        source,
      ),
    },
    {
      homePageUrl: pick([[textOf(get('link')), get('link') ?? channel]], base),
      feedUrl: pick([href(self, channel)], base),
      nextUrl: pick([href(next, channel)], base),
      language: toLanguage(textOf(get('language')) || textOf(first(channel, DC, 'language'))),
    },
  );
}

function atomFeed(root: Element, base: string | undefined, source: string): Feed {
  const space = root.namespaceURI;
  const links = all(root, space, 'link');
  const link = (rel: string) => {
    const el = links.find((candidate) => (candidate.getAttribute('rel') ?? 'alternate') === rel);
    return pick([href(el, root)], base);
  };
  const feedAuthors = all(root, space, 'author')
    .map((el) => atomAuthor(el, space, base))
    .filter(present);
  return withDefined<Feed>(
    {
      title: atomText(first(root, space, 'title'), TITLE_MAX),
      items: finish(
        all(root, space, 'entry').map((entry) => atomEntry(entry, base, feedAuthors)),
        source,
      ),
    },
    {
      homePageUrl: link('alternate'),
      feedUrl: link('self'),
      nextUrl: link('next'),
      language: toLanguage(root.getAttributeNS(XML_NS, 'lang')),
    },
  );
}

/**
 * The namespaces engines put their `<parsererror>` in: Chromium and WebKit XHTML, Firefox its own.
 * Named, not probed by parsing a broken string: an error document has inline styles, which a
 * strict Content-Security-Policy reports as a violation on every page that reads a feed.
 */
const ERROR_SPACES = ['http://www.w3.org/1999/xhtml', 'http://www.mozilla.org/newlayout/xml/parsererror.xml'];

/** Where the parser reported an error, if it did: engines mark errors with their own element. */
function parseError(doc: Document): { line: string; column: string } | undefined {
  const error = ERROR_SPACES.map((space) => doc.getElementsByTagNameNS(space, 'parsererror')[0]).find(Boolean);
  if (!error) return undefined;
  // Chromium: "error on line 4 at column 21"; Firefox: "Line Number 4, Column 16".
  const where = error.textContent ?? '';
  return { line: /line\D{0,9}(\d+)/i.exec(where)?.[1] ?? '?', column: /column\D{0,3}(\d+)/i.exec(where)?.[1] ?? '?' };
}

/**
 * Makes a sloppy feed well-formed the way feed readers do: escapes stray `&` and HTML-only
 * entities such as `&nbsp;`, drops characters XML forbids, and declares the well-known prefixes
 * a feed used without declaring. CDATA sections and comments are left as they are.
 */
function repair(text: string): string {
  const fixed = text
    // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
    .replace(/[\0-\x08\v\f\x0e-\x1f\ufffe\uffff]/g, '')
    .replace(
      /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?:#\d+;|#x[\da-f]+;|([a-z][\w.-]*);)?/gi,
      (match, name?: string) => {
        // XML writes hexadecimal references with a lowercase x only.
        if (match.startsWith('&#X')) return `&#x${match.slice(3)}`;
        if (match[0] !== '&' || (match.length > 1 && (!name || /^(?:amp|lt|gt|quot|apos)$/.test(name)))) return match;
        const decoded = name ? decodeEntities(match) : match;
        return decoded === match
          ? `&amp;${match.slice(1)}`
          : [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
      },
    );
  const used = new Set([...fixed.matchAll(/<\/?([a-z_][\w.-]*):[a-z_]/gi)].map((match) => match[1]!));
  const missing = [...used].filter((prefix) => prefix !== 'xml' && !new RegExp(`xmlns:${prefix}\\s*=`).test(fixed));
  const declarations = missing.map(
    (prefix) => ` xmlns:${prefix}="${PREFIXES[prefix.toLowerCase()] ?? `urn:x-undeclared:${prefix}`}"`,
  );
  return fixed.replace(/<(?![?!])[^\s>/]+/, (tag) => tag + declarations.join(''));
}

/**
 * Reads an RSS 2.0 (or 1.0) or Atom feed into the model JSON Feeds give. Markup is parsed by the
 * browser's inert XML parser and only text and attribute values are read from it: nothing in the
 * feed can run or load. Items that cannot be shown are skipped with one console warning.
 *
 * @throws {FeedError} `not-a-feed` when the text is not well-formed XML (naming the line) or not
 * an RSS or Atom feed (naming its root element).
 */
export function parseXmlFeed(text: string, options: ParseOptions = {}): Feed {
  const base = options.baseUrl;
  const source = base ?? 'The feed';
  // Nothing may precede the XML declaration; feeds often start with a BOM or blank lines.
  const lead = /^[\s\ufeff]*/.exec(text)![0];
  // The text is decoded already: its declared encoding is history, and WebKit's parser refuses a
  // name it does not know (`encoding="x-klingon"`) where Chromium and Firefox ignore it.
  const body = text.slice(lead.length).replace(/^(<\?xml\b[^>]*?)\sencoding\s*=\s*(["'])[^"'>]*\2/, '$1');
  // An entity defined through other entities can grow exponentially (the "billion laughs"): Chromium's
  // and Firefox's parsers give up on one, WebKit's expands it all and hangs the page. Refused first.
  if (/<!ENTITY\s+[^\s%]+\s+["'][^"']*&(?!#|(?:amp|lt|gt|quot|apos);)/i.test(body)) {
    throw new FeedError(
      'not-a-feed',
      `${source} defines entities through other entities (an entity bomb), so it is not read as a feed`,
      base,
    );
  }
  const parser = new DOMParser();
  let doc = parser.parseFromString(body, 'application/xml');
  const error = parseError(doc);
  if (error) {
    // A feed that declares its own entities is not one to guess at (nor an entity bomb to defuse).
    const declares = /<!DOCTYPE[^>[]*\[/i.test(body.slice(0, 2000));
    if (!declares) doc = parser.parseFromString(repair(body), 'application/xml');
    const line = Number(error.line) + (lead.match(/\n/g)?.length ?? 0);
    const where = `line ${line || error.line}, column ${error.column}`;
    if (declares || parseError(doc)) {
      throw new FeedError(
        'not-a-feed',
        `${source} is not well-formed XML (${where}), so it cannot be read as an RSS or Atom feed`,
        base,
      );
    }
    console.warn(
      `[feedlets] ${source} is not well-formed XML (${where}); read after escaping stray "&" and undeclared entities or prefixes`,
    );
  }
  const root = doc.documentElement;
  const space = ns(root.namespaceURI);
  let feed: Feed;
  if (root.localName === 'rss' || root.localName === 'RDF') feed = rssFeed(root, base, source);
  else if (root.localName === 'feed' && (space === ATOM || space === ATOM_03 || !space))
    feed = atomFeed(root, base, source);
  else {
    const what = clip(`<${root.nodeName}>${space ? ` in namespace ${root.namespaceURI}` : ''}`, 120);
    throw new FeedError(
      'not-a-feed',
      `${source} is XML but not an RSS or Atom feed: its root element is ${what}`,
      base,
    );
  }
  return markNormalised(feed);
}
