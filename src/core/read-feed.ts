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
 * The text of bytes with no byte order mark, in an encoding that writes ASCII as ASCII. JSON is
 * UTF-8. XML says its encoding in its declaration (`<?xml version="1.0" encoding="windows-1251"?>`),
 * else the charset of the content type does; the default is UTF-8.
 */
export function decodeAscii(bytes: Uint8Array, contentType = ''): string {
  // The declaration is ASCII in every encoding a feed can have, so a byte-wise look finds it.
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  if (!/^\s*</.test(head)) return new TextDecoder().decode(bytes);
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)/.exec(head)?.[1];
  const charset = /;\s*charset\s*=\s*["']?([^\s;"']+)/i.exec(contentType)?.[1];
  const chosen = decoder(declared, charset);
  // A declaration readable as ASCII cannot be in UTF-16, whatever it says.
  return (chosen.encoding.startsWith('utf-16') ? new TextDecoder() : chosen).decode(bytes);
}

/**
 * The text of a feed's bytes. Nearly all start with ASCII and no zero byte (or are empty): read at
 * once. A byte order mark or a zero byte up front (UTF-16, UTF-32) goes through decode-feed.ts,
 * imported the first time such a feed arrives.
 */
export function decodeFeed(bytes: Uint8Array, contentType = ''): string | Promise<string> {
  const [a, b, c, d] = bytes;
  if ((!bytes.length || (a && a < 0x80)) && b !== 0 && c !== 0 && d !== 0) return decodeAscii(bytes, contentType);
  return import('./decode-feed.js').then(({ decodeBytes }) => decodeBytes(bytes, contentType));
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
    throw new FeedError(
      'not-json',
      `${baseUrl ?? 'The feed'} is an HTML page, not a feed: check that the URL points at the feed itself`,
      baseUrl,
    );
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
  return readText(typeof input === 'string' ? input : await decodeFeed(input, options.contentType), options);
}
