import { FeedError } from './feed-error.js';
import { parseFeed, type ParseOptions } from './parse-feed.js';
import type { Feed } from './types.js';

/** Options for {@link readFeed}. */
export interface ReadOptions extends ParseOptions {
  /** The response's `Content-Type`, such as `application/rss+xml; charset=windows-1251`. */
  contentType?: string;
}

/** A decoder for the first label the platform knows; unknown labels are skipped, never thrown. */
function decoder(...labels: (string | undefined)[]): TextDecoder {
  for (const label of labels) {
    try {
      if (label) return new TextDecoder(label);
    } catch {
      // Not an encoding the platform knows: try the next source.
    }
  }
  return new TextDecoder();
}

/**
 * UTF-32 text, which `TextDecoder` does not read (the Encoding Standard leaves it out). A code
 * point past U+10FFFF or a lone surrogate becomes U+FFFD, as other decoders do.
 */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  let points: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const point = view.getUint32(at, littleEndian);
    points.push(point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) ? 0xfffd : point);
    // fromCodePoint takes its arguments on the stack: pass them a slice at a time.
    if (points.length === 8192) {
      chunks.push(String.fromCodePoint(...points));
      points = [];
    }
  }
  chunks.push(String.fromCodePoint(...points));
  const text = chunks.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text of a feed's bytes. JSON is UTF-8. XML says its encoding with a byte order mark, else in
 * its declaration (`<?xml version="1.0" encoding="windows-1251"?>`), else the charset of the
 * content type does; the default is UTF-8.
 */
export function decodeFeed(bytes: Uint8Array, contentType = ''): string {
  const [a, b, c, d] = bytes;
  // UTF-32 with a byte order mark, or without one but starting with an ASCII character ("<", "{").
  if ((a === 0 && b === 0 && c === 0xfe && d === 0xff) || (!a && !b && !c && d && d < 0x80)) return decodeUtf32(bytes, false);
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a && a < 0x80 && b === 0 && c === 0 && d === 0)) return decodeUtf32(bytes, true);
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder().decode(bytes);
  // UTF-16 with a byte order mark, or without one but starting with "<".
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c)) return new TextDecoder('utf-16be').decode(bytes);
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0)) return new TextDecoder('utf-16le').decode(bytes);
  // The declaration is ASCII in every encoding a feed can have, so a byte-wise look finds it.
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  if (!/^\s*</.test(head)) return new TextDecoder().decode(bytes);
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)/.exec(head)?.[1];
  const charset = /;\s*charset\s*=\s*["']?([^\s;"']+)/i.exec(contentType)?.[1];
  const chosen = decoder(declared, charset);
  // A declaration readable as ASCII cannot be in UTF-16, whatever it says.
  return (chosen.encoding.startsWith('utf-16') ? new TextDecoder() : chosen).decode(bytes);
}

/** The first element name in markup, past the declaration, comments and a doctype without a subset. */
const ROOT = /^[\s\ufeff]*(?:(?:<\?[^>]*>|<!--[\s\S]*?-->|<!doctype[^>[]*>)\s*)*<([^\s>/]+)/i;

/**
 * Reads the text of a feed: a JSON Feed at once; RSS or Atom once the XML reader arrives, which
 * is imported on the first XML feed so that pages of JSON Feeds never download it.
 *
 * @throws {FeedError} as {@link readFeed} rejects (at once for JSON and HTML).
 */
export function readText(text: string, options: ReadOptions = {}): Feed | Promise<Feed> {
  const { contentType = '', baseUrl } = options;
  const start = text.slice(0, 2000);
  if (!/^[\s\ufeff]*</.test(start)) return parseFeed(text, { baseUrl });
  const root = ROOT.exec(start)?.[1]?.toLowerCase() ?? '';
  const feedRoot = /^(?:[\w.-]+:)?(?:rss|feed|rdf)$/.test(root);
  // The root element decides: feeds may carry an XHTML doctype before <rss>.
  const doctype = /^[\s\ufeff]*(?:<\?[^>]*>\s*)?<!doctype\s+html/i.test(start);
  const page = /^(?:html|head|body)$/.test(root) || (doctype && !feedRoot);
  if (page || (/html/i.test(contentType) && !feedRoot)) {
    throw new FeedError('not-json', `${baseUrl ?? 'The feed'} is an HTML page, not a feed: check that the URL points at the feed itself`, baseUrl);
  }
  return import('./parse-xml.js').then(({ parseXmlFeed }) => parseXmlFeed(text, { baseUrl }));
}

/**
 * Reads a feed in any format Feedlets knows, JSON Feed, RSS or Atom, from the bytes (or the
 * decoded text) of a response. The body decides the format: servers often send feeds with a
 * wrong content type, which is used only for the charset and to recognise an HTML page.
 *
 * @throws {FeedError} (as a rejection) `not-json` for a body that is neither JSON nor XML, or is
 * an HTML page; `not-a-feed` for JSON or XML that is not a feed.
 */
export async function readFeed(input: Uint8Array | string, options: ReadOptions = {}): Promise<Feed> {
  return readText(typeof input === 'string' ? input : decodeFeed(input, options.contentType), options);
}
