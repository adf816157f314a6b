import { ProxyError } from './errors.js';

/** The media types passed on as they are: JSON Feed, RSS, Atom, RDF and plain XML. */
const FEED_TYPES = new Set([
  'application/json',
  'application/feed+json',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
]);

/**
 * Types that many hosts put on real feeds (GitHub raw files are text/plain, some CMSs send RSS as
 * text/html): for these the body decides, and the answer goes out under a feed type, so the proxy
 * never serves anything labelled text/html.
 */
const SNIFFED_TYPES = new Set(['', 'text/plain', 'text/html', 'application/octet-stream']);

const DESCRIBED: Record<string, string> = {
  'text/html': 'an HTML page',
  'text/plain': 'plain text',
};

/** The first bytes of the body as text, past a byte-order mark and white space. */
function opening(body: Uint8Array): string {
  return new TextDecoder()
    .decode(body.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 100)
    .toLowerCase();
}

/** What the body looks like: a JSON object, a feed's XML, or neither. */
function sniff(body: Uint8Array): 'application/json' | 'application/xml' | undefined {
  const start = opening(body);
  if (start.startsWith('{')) return 'application/json';
  if (/^<(\?xml|rss[\s>]|feed[\s>]|rdf:rdf[\s>])/.test(start)) return 'application/xml';
  return undefined;
}

/**
 * The Content-Type to serve `body` with, or a 502 saying what the upstream sent instead of a feed.
 * `declared` is the upstream Content-Type header.
 */
export function feedContentType(declared: string, body: Uint8Array, url: string): string {
  const [essence = '', ...parameters] = declared.split(';');
  const type = essence.trim().toLowerCase();
  if (FEED_TYPES.has(type)) return declared;
  if (SNIFFED_TYPES.has(type)) {
    const sniffed = sniff(body);
    const charset = parameters.find((parameter) => /^\s*charset=/i.test(parameter));
    if (sniffed) return charset ? `${sniffed};${charset}` : sniffed;
  }
  const what = DESCRIBED[type] ?? (type ? `${type}` : 'content without a type');
  throw new ProxyError(502, `${url} is ${what}, not a feed (JSON Feed, RSS, Atom or XML)`);
}
