// Prints what each way of loading Feedlets costs a reader, gzip and brotli, and fails above budget.
// `dist/feedlets.js` is measured as built; each define entry is bundled here with lit inlined,
// which is what a bundler gives a page that uses only that element. A page through `dist/loader.js`
// is measured from the built files: the loader plus every chunk the element's chunk imports, each
// compressed alone as it is served. Then it shows what the all-in-one file is made of, from its
// source map: each shipped byte counts for the source it came from.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { tags } from './entries.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const KB = 1024;
// The CI budget of each row, gzip: a ratchet at what the build achieves plus at most 0.3 KB. Lower
// a budget when bytes go; raise one only with the reason in the commit.
const budgets = {
  'dist/feedlets.js (all elements)': 34.9 * KB,
  'dist/feedlets.iife.js (all elements)': 34.9 * KB,
  'news-ticker alone': 21.9 * KB,
  'news-cards alone': 23.5 * KB,
  'news-card alone': 10.1 * KB,
  'news-categories alone': 22.8 * KB,
  'news-reviews alone': 26.4 * KB,
  'core only (store, JSON Feed, RSS and Atom)': 10.5 * KB,
  'news-ticker page via loader.js': 22.0 * KB,
  'news-cards page via loader.js': 23.5 * KB,
  'news-card page via loader.js': 14.5 * KB,
  'news-categories page via loader.js': 22.1 * KB,
  'news-reviews page via loader.js': 25.5 * KB,
};
// Issue 13's targets (gzip), shown beside the budgets so the gap stays in view.
const targets = {
  'dist/feedlets.js (all elements)': 26 * KB,
  'news-ticker page via loader.js': 15 * KB,
  ...Object.fromEntries(tags.filter((tag) => tag !== 'news-ticker').map((tag) => [`${tag} page via loader.js`, 17 * KB])),
};

// Parts a what-if build leaves out, each replaced by a module that exports the same names and
// does nothing: measures what the issue's targets would cost in features.
const CUTS = {
  xml: { file: '/src/core/parse-xml.ts', stub: 'export function parseXmlFeed() { throw new Error(); }' },
  locales: { file: /\/src\/locales\/(?:ru|az)\.ts$/, stub: '' },
};

/** A plugin that loads the stub of each cut part instead of its source. */
const cut = (parts) => ({
  name: 'size-what-if',
  enforce: 'pre',
  load(id) {
    const part = parts.map((name) => CUTS[name]).find(({ file }) => (typeof file === 'string' ? id.endsWith(file) : file.test(id)));
    return part?.stub;
  },
});

async function bundle(entry, without = []) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [cut(without), minifyTemplatesPlugin()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'out' },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs.filter((o) => o.type === 'chunk').map((o) => o.code).join('\n');
}

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const measure = (code) => ({ raw: Buffer.byteLength(code), gzip: gzip(code), brotli: brotli(code) });

const BASE64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** The numbers of one source-map segment (base64 VLQ). */
function segment(text) {
  const numbers = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64[char];
    value += (digit & 31) << shift;
    shift += 5;
    if (digit & 32) continue;
    numbers.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return numbers;
}

/** Splits `code` by the group of the source each character maps to (a character maps to the segment it is in). */
function splitBySource(code, map, groupOf) {
  const parts = new Map();
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((mappings, index) => {
    const line = lines[index] ?? '';
    let column = 0;
    const starts = [];
    for (const text of mappings ? mappings.split(',') : []) {
      const [delta, sourceDelta] = segment(text);
      column += delta;
      if (sourceDelta !== undefined) source += sourceDelta;
      starts.push([column, sourceDelta === undefined ? undefined : map.sources[source]]);
    }
    if (!starts.length || starts[0][0] > 0) starts.unshift([0, undefined]);
    starts.forEach(([start, file], i) => {
      const group = file === undefined ? 'glue (no source: punctuation the bundler adds)' : groupOf(file);
      parts.set(group, (parts.get(group) ?? '') + line.slice(start, starts[i + 1]?.[0] ?? line.length) + (i === starts.length - 1 ? '\n' : ''));
    });
  });
  return parts;
}

/** The part of the product a source file belongs to. */
function groupOf(file) {
  const path = file.replace(/^(?:\.\.\/)+/, '');
  if (/node_modules\/(?:lit|lit-html|lit-element|@lit)\//.test(path)) return 'lit';
  if (path.includes('node_modules/')) return `other: ${path.replace(/.*node_modules\//, '')}`;
  if (path.startsWith('src/core/parse-xml') || path.startsWith('src/core/read-feed')) return 'core: RSS and Atom (parse-xml, read-feed)';
  if (path.startsWith('src/core/review-')) return 'core: review sender and drafts';
  if (path.startsWith('src/core/strings')) return 'core: strings (en)';
  if (path.startsWith('src/core/')) return 'core: JSON Feed, store, controller, text, dates';
  const locale = /^src\/locales\/(\w+)/.exec(path);
  if (locale) return `locale: ${locale[1]}`;
  if (path.startsWith('src/define/') || path.startsWith('src/elements/shared/')) return 'elements: shared base, theme, define';
  const element = /^src\/elements\/([\w-]+)\//.exec(path);
  if (element) return `<${element[1]}>`;
  return `other: ${path}`;
}

if (!existsSync('dist/feedlets.js')) {
  console.error('dist/feedlets.js is missing: run `npm run build` first.');
  process.exit(1);
}

/** The chunks a built module imports: statically (fetched with it) and by import() (fetched on demand). */
function imports(file) {
  const code = readFileSync(file, 'utf8');
  const at = (specifier) => join(dirname(file), specifier);
  const statics = [...code.matchAll(/(?:^|;)import\s*(?:[^"'`;]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => at(m[1]));
  const dynamics = [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => at(m[1]));
  return { statics, dynamics };
}

/** Every file a browser fetches for `entries`: them and all they import statically, but what `have` holds. */
function closure(entries, have = new Set()) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file) || have.has(file)) return;
    files.add(file);
    imports(file).statics.forEach(visit);
  };
  entries.forEach(visit);
  return files;
}

/** Sizes of files served one by one: each compressed alone, then added up. */
function served(files) {
  const each = [...files].map((file) => [file, measure(readFileSync(file, 'utf8'))]);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [, size] of each) for (const key of Object.keys(total)) total[key] += size[key];
  return { total, each };
}

/** What the loader imports first for each tag: `lazy/<tag>-<hash>.js`. */
const loaderChunks = Object.fromEntries(
  imports('dist/loader.js').dynamics.map((file) => [/\/(news-[a-z]+)-[\w-]+\.js$/.exec(file)[1], file]),
);

const all = readFileSync('dist/feedlets.js', 'utf8');
const rows = [['dist/feedlets.js (all elements)', measure(all)]];
rows.push(['dist/feedlets.iife.js (all elements)', measure(readFileSync('dist/feedlets.iife.js', 'utf8'))]);
for (const tag of tags) rows.push([`${tag} alone`, measure(await bundle(`src/define/${tag}.ts`))]);
rows.push(['core only (store, JSON Feed, RSS and Atom)', measure(await bundle('src/core/feed-store.ts'))]);
const pages = {};
for (const tag of tags) {
  const files = closure(['dist/loader.js', loaderChunks[tag]]);
  pages[tag] = { files, ...served(files) };
  rows.push([`${tag} page via loader.js`, pages[tag].total]);
}

const kb = (n) => `${(n / KB).toFixed(2)} KB`;
let failed = false;
console.log('| what a page loads | minified | gzip | brotli | gzip budget (CI) | issue target |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, size] of rows) {
  const budget = budgets[name];
  const target = targets[name];
  const over = budget === undefined || size.gzip > budget;
  failed ||= over;
  const verdict = budget === undefined ? 'none set' : `${kb(budget)}${over ? ' OVER' : ' ok'}`;
  console.log(`| ${name} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${verdict} | ${target ? `${kb(target)}${size.gzip > target ? ' not met' : ' met'}` : ''} |`);
}

const parts = [...splitBySource(all, JSON.parse(readFileSync('dist/feedlets.js.map', 'utf8')), groupOf)]
  .map(([name, code]) => [name, measure(code)])
  .sort(([, a], [, b]) => b.raw - a.raw);
console.log('\nWhat dist/feedlets.js is made of. Each part is compressed alone here, so the parts add up to');
console.log('more than the file: compression shares what the parts have in common.\n');
console.log('| part | minified | share | gzip alone | brotli alone |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, size] of parts) {
  console.log(`| ${name} | ${kb(size.raw)} | ${((100 * size.raw) / Buffer.byteLength(all)).toFixed(1)}% | ${kb(size.gzip)} | ${kb(size.brotli)} |`);
}

// Through the loader, part by part: which files each page fetches, and what a page adds later.
const name = (file) => relative('dist', file);
const files = [...new Set(Object.values(pages).flatMap((page) => [...page.files]))];
console.log('\nWhat a page with one element and a JSON Feed fetches through dist/loader.js, file by file (each');
console.log('served and compressed alone; the page rows above add them up).\n');
console.log(`| file | gzip | brotli | ${tags.map((tag) => `<${tag}> page`).join(' | ')} |`);
console.log(`| --- | ---: | ---: | ${tags.map(() => ':---:').join(' | ')} |`);
for (const file of files) {
  const size = measure(readFileSync(file, 'utf8'));
  console.log(`| ${name(file)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${tags.map((tag) => (pages[tag].files.has(file) ? 'yes' : '')).join(' | ')} |`);
}
for (const tag of tags.filter((t) => targets[`${t} page via loader.js`])) {
  const { total } = pages[tag];
  const target = targets[`${tag} page via loader.js`];
  if (total.gzip > target) console.log(`<${tag}> page: ${kb(total.gzip - target)} gzip over its ${kb(target)} target.`);
}

// What any chunk of the ticker page imports on demand (the XML reader from the feed chunk, the
// language tables from the core one).
const later = [...pages['news-ticker'].files].flatMap((file) => imports(file).dynamics);
console.log('\nWhat a page fetches later, on top of the <news-ticker> page: only when it needs it.\n');
console.log('| when | files | gzip | brotli |');
console.log('| --- | --- | ---: | ---: |');
for (const [when, pattern] of [
  ['the first RSS or Atom feed', /\/parse-xml-/],
  ['an element speaking Russian', /\/ru-/],
  ['an element speaking Azerbaijani', /\/az-/],
]) {
  const added = closure(later.filter((file) => pattern.test(file)), pages['news-ticker'].files);
  const { total } = served(added);
  console.log(`| ${when} | ${[...added].map(name).join(', ')} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);
}

// What the one-file target would take: the same bundle with whole features left out.
const whatIf = [
  ['all elements, without the RSS and Atom reader', 'src/bundle.ts', ['xml']],
  ['all elements, without RSS and Atom, and without the ru and az tables', 'src/bundle.ts', ['xml', 'locales']],
];
const oneFile = targets['dist/feedlets.js (all elements)'];
console.log(`\nWhat the ${kb(oneFile)} target for dist/feedlets.js would take: the same bundle with features cut out (not shipped).\n`);
console.log('| bundle | gzip | issue target |');
console.log('| --- | ---: | ---: |');
for (const [label, entry, without] of whatIf) {
  const { gzip } = measure(await bundle(entry, without));
  console.log(`| ${label} | ${kb(gzip)} | ${kb(oneFile)}${gzip > oneFile ? ' not met' : ' met'} |`);
}

if (failed) {
  console.error('\nSize budget exceeded (or a row has none): see the table above.');
  process.exit(1);
}
