// Hand-written because no tool groups a bundle's sources into the parts of this product;
// @jridgewell/trace-mapping (maintained) reads the source map.
// What a bundle is made of. A one-file bundle is split by its source map: each shipped character
// counts for the source it came from, grouped into the parts of the product. A page through the
// loader is split by file: each chunk belongs to the part its name says.
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';

const GLUE = 'glue (no source: punctuation the bundler adds)';

/** The part of the product a source file belongs to. */
export function sourcePart(file) {
  const path = file.replace(/^(?:\.\.\/)+/, '');
  if (/node_modules\/(?:lit|lit-html|lit-element|@lit)\//.test(path)) return 'lit';
  if (path.includes('node_modules/')) return `other: ${path.replace(/.*node_modules\//, '')}`;
  if (/^src\/core\/(?:parse-xml|read-feed|decode-feed)/.test(path))
    return 'core: RSS and Atom, other encodings (parse-xml, read-feed, decode-feed)';
  if (path.startsWith('src/core/review-')) return 'core: review sender, drafts and messages';
  if (path.startsWith('src/core/strings')) return 'core: strings (en)';
  if (/^src\/core\/(?:format|date-)/.test(path)) return 'core: dates (format, date-strings)';
  if (path.startsWith('src/core/')) return 'core: JSON Feed, store, controller, text';
  const locale = /^src\/locales\/(\w+)/.exec(path);
  if (locale) return `locale: ${locale[1]}`;
  if (path.startsWith('src/define/') || path.startsWith('src/elements/shared/'))
    return 'elements: shared base, theme, define';
  const element = /^src\/elements\/([\w-]+)\//.exec(path);
  if (element) return `<${element[1]}>`;
  return `other: ${path}`;
}

/**
 * Splits `code` by the part of the source each character maps to (a character maps to the
 * segment it is in; before a line's first segment, or in one with no source, it is glue).
 * @returns {Map<string, string>} part → its code
 */
export function partsBySource(code, map) {
  const trace = new TraceMap(map);
  const lines = code.split('\n');
  const parts = new Map();
  decodedMappings(trace).forEach((segments, index) => {
    const line = lines[index] ?? '';
    const starts = segments.map(([column, source]) => [
      column,
      source === undefined ? GLUE : sourcePart(trace.sources[source]),
    ]);
    if (!starts.length || starts[0][0] > 0) starts.unshift([0, GLUE]);
    starts.forEach(([start, part], i) => {
      const end = starts[i + 1]?.[0] ?? line.length;
      parts.set(part, (parts.get(part) ?? '') + line.slice(start, end) + (i === starts.length - 1 ? '\n' : ''));
    });
  });
  return parts;
}

// The part each file of the loader build belongs to, by its name before the hash (`lazy/base-BRJAGqrh.js`
// is `base`; the chunks are named in vite.config.ts). A name not listed here is a part of its own,
// under that name, so a renamed or new chunk shows up as it is; an element's chunk is `<its tag>`.
export const CHUNK_PARTS = {
  loader: 'the loader (loader.js)',
  lit: 'lit: Lit',
  base: 'base: what every element uses of the core',
  dates: 'dates: formatting dates (not the ticker)',
  feed: 'feed: loading and reading a JSON Feed',
};

/** The name a built file has before its hash: `dist/lazy/base-C8wtASku.js` → `base`. */
const chunkName = (file) => /([^/]+?)(?:-[\w-]{8})?\.js$/.exec(file)[1];

/**
 * Groups a page's files into parts.
 * @returns {Map<string, string[]>} part → its files, in the order the page reaches them
 */
export function partsByChunk(files) {
  const parts = new Map();
  for (const file of files) {
    const name = chunkName(file);
    const part = CHUNK_PARTS[name] ?? (name.startsWith('news-') ? `<${name}>` : name);
    parts.set(part, [...(parts.get(part) ?? []), file]);
  }
  return parts;
}
