import type { Item } from './types.js';

/** Longest title kept; a hostile 1 MB title must not reach layout. */
export const TITLE_MAX = 300;
/** Longest plain-text excerpt kept. */
export const TEXT_MAX = 600;
/** Longest review text kept, read or sent: a review is read whole, not as an excerpt. */
export const REVIEW_MAX = 5000;
/** Longest name kept for a review's author. */
export const NAME_MAX = 100;
/** Only this much HTML is parsed for an excerpt. */
const HTML_MAX = 20_000;

// `aria-hidden` content is decoration (such as the "#" permalink a static-site generator puts in
// every heading), which no reader is meant to read.
const DROP = 'script,style,template,noscript,iframe,object,embed,svg,math,head,[aria-hidden="true"]';
/** The text of a heading's permalink anchor (markdown-it-anchor, Hugo, Jekyll...). */
const PERMALINK = /^\s*[#¶§🔗]\s*$/u;
const BLOCK =
  'address,article,aside,blockquote,br,dd,div,dl,dt,figcaption,figure,footer,h1,h2,h3,h4,h5,h6,header,hr,li,ol,p,pre,section,table,td,th,tr,ul';

let parser: DOMParser | undefined;
const parse = (html: string) => (parser ??= new DOMParser()).parseFromString(html, 'text/html');

/** Elements whose opening tag, left unclosed, makes the HTML parser swallow the rest of the text into them. */
const SWALLOWING = ['iframe', 'object'];

/**
 * Drops every `<iframe>` or `<object>` tag, opening and closing, from HTML in which one is left
 * unclosed: the text after it would otherwise be lost inside it. Balanced ones stay, to be dropped
 * whole with their fallback content.
 */
function unswallow(html: string): string {
  let out = html;
  for (const name of SWALLOWING) {
    if (!out.toLowerCase().includes(`<${name}`)) continue;
    const opens = out.match(new RegExp(`<${name}\\b`, 'gi'))?.length ?? 0;
    const closes = out.match(new RegExp(`</${name}\\s*>`, 'gi'))?.length ?? 0;
    if (opens > closes) out = out.replace(new RegExp(`</?${name}\\b[^>]*>`, 'gi'), ' ');
  }
  return out;
}

// C1 controls (U+0080–U+009F) in text are windows-1252 bytes that were read as Latin-1: browsers
// decode those bytes, and `&#146;` in HTML, as windows-1252 does. Its five unassigned bytes go.
const C1 = /[\x80-\x9f]/;
const C1_ALL = /[\x80-\x9f]/g;
let windows1252: string | undefined;

/** `text` with each C1 control character replaced as windows-1252 reads its byte. */
export function fixC1(text: string): string {
  if (!C1.test(text)) return text;
  windows1252 ??= new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
  return text.replace(C1_ALL, (c) => {
    const mapped = windows1252![c.charCodeAt(0) - 0x80]!;
    return mapped === c ? '' : mapped;
  });
}

/** Collapses runs of white space and trims. Most text has none: a test first spares rebuilding it. */
export const squash = (text: string) => (/[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ') : text).trim();

/** Cuts `text` to at most `max` characters on a word boundary, adding an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  // Never leave half of a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Turns untrusted HTML into plain text with an inert parser: a `DOMParser` document has no
 * browsing context, so nothing in it runs or loads. Block boundaries become spaces; a leading
 * heading that repeats `title` is left out.
 */
export function htmlToText(html: string, title = ''): string {
  const doc = parse(unswallow(html.slice(0, HTML_MAX)));
  for (const el of doc.querySelectorAll(DROP)) el.remove();
  for (const a of doc.querySelectorAll('a')) if (PERMALINK.test(a.textContent ?? '')) a.remove();
  // Many generators open the content with the title as a heading, which the reader has just read.
  const first = doc.body?.firstElementChild;
  const leading = !first?.previousSibling?.textContent?.trim();
  if (title && leading && first?.matches('h1,h2,h3,h4,h5,h6') && squash(first.textContent ?? '') === title)
    first.remove();
  for (const el of doc.querySelectorAll(BLOCK)) {
    el.before(' ');
    el.after(' ');
  }
  return squash(fixC1(doc.body?.textContent ?? ''));
}

const named = new Map<string, string>();
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z][a-z\d]{1,31}));/gi;

function fromCode(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}

/**
 * Decodes character references (`&amp;`, `&#8217;`) in text that is otherwise plain, so a title
 * such as "Don&#8217;t <i>panic</i>" shows as "Don’t <i>panic</i>": entities decoded once, tags
 * kept as literal text.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // A loop, not replace() with a callback: this runs on titles and tags of every item, and the
  // callback costs more than the decoding.
  let out = '';
  let last = 0;
  ENTITY.lastIndex = 0;
  for (let match; (match = ENTITY.exec(text)); last = ENTITY.lastIndex) {
    out += text.slice(last, match.index) + reference(match);
  }
  return out + text.slice(last);
}

function reference([match, dec, hex, name]: RegExpExecArray): string {
  if (dec) return fromCode(Number(dec));
  if (hex) return fromCode(parseInt(hex, 16));
  let value = named.get(match);
  if (value === undefined) {
    // The reference alone has no markup, so parsing it decodes and nothing more.
    value = parse(`&${name};`).body?.textContent ?? match;
    named.set(match, value);
  }
  return value;
}

/** What to show as an item's headline: its title, or the start of its text when it has none. */
export const headline = (item: Item, max = 120) => item.title || clip(item.text, max);
