// Hand-written because size-limit (run after it) checks the budgets but shows neither the targets nor
// what a bundle is made of.
// Prints what each way of loading Feedlets costs a reader (minified, gzip, brotli) beside its CI
// budget (.size-limit.js) and its target, then what each bundle is made of, part by part, and how
// far each is from its target. `npm run size` writes the bundles first (bundles.mjs) and runs
// size-limit after, which is what fails CI when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import budgets from '../../.size-limit.js';
import { tags } from '../entries.mjs';
import { bundleFile } from './bundles.mjs';
import { later, pages } from './pages.mjs';
import { partsByChunk, partsBySource } from './parts.mjs';

const KB = 1024;
// Where each page should get to (gzip). The CI budgets only stop growth; the targets are shown beside
// them so the gap stays in view.
const targets = {
  'dist/feedlets.js (all elements)': 26 * KB,
  'news-ticker page via loader.js': 15 * KB,
  ...Object.fromEntries(
    tags.filter((tag) => tag !== 'news-ticker').map((tag) => [`${tag} page via loader.js`, 17 * KB]),
  ),
};

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const measure = (code) => ({ raw: Buffer.byteLength(code), gzip: gzip(code), brotli: brotli(code) });
const read = (file) => readFileSync(file, 'utf8');

/** Sizes of files served one by one: each compressed alone, then added up (as size-limit does). */
function served(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const size of [...files].map((file) => measure(read(file))))
    for (const key of Object.keys(total)) total[key] += size[key];
  return total;
}

/** A size-limit limit in bytes, as size-limit reads it (`34.9 KiB` is 35737 bytes). */
function bytes(limit) {
  const match = /^([\d.]+) KiB$/.exec(limit);
  if (!match) throw new Error(`.size-limit.js: write limits in KiB, not "${limit}"`);
  return Math.floor(Number(match[1]) * KB);
}

const kb = (n) => `${(n / KB).toFixed(2)} KB`;
const name = (file) => relative('dist', file);
const versus = (size, target) => `${kb(target)}${size > target ? ' not met' : ' met'}`;

console.log('| what a page loads | minified | gzip | brotli | gzip budget (CI) | target |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const measured = {};
for (const { name: row, path, limit } of budgets) {
  const size = (measured[row] = served(path));
  const budget = bytes(limit);
  const target = targets[row];
  const verdict = `${kb(budget)}${size.gzip > budget ? ' OVER' : ' ok'}`;
  console.log(
    `| ${row} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${verdict} | ${target ? versus(size.gzip, target) : ''} |`,
  );
}

/** `target 15.00 KB, measured 21.88 KB gzip: 6.88 KB over` */
function gap(row) {
  const { gzip } = measured[row];
  const target = targets[row];
  const left = gzip > target ? `${kb(gzip - target)} over` : `met, ${kb(target - gzip)} to spare`;
  return `target ${kb(target)}, measured ${kb(gzip)} gzip: ${left}`;
}

// The one-file bundle, part by part from its source map.
const ONE_FILE = 'dist/feedlets.js (all elements)';
const all = read('dist/feedlets.js');
const sourceParts = [...partsBySource(all, JSON.parse(read('dist/feedlets.js.map')))]
  .map(([part, code]) => [part, measure(code)])
  .sort(([, a], [, b]) => b.raw - a.raw);
console.log(`\nWhat dist/feedlets.js is made of: ${gap(ONE_FILE)}. Each part is compressed alone`);
console.log('here, so the parts add up to more than the file: compression shares what the parts have in common.\n');
console.log('| part | minified | share | gzip alone | brotli alone |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [part, size] of sourceParts) {
  console.log(
    `| ${part} | ${kb(size.raw)} | ${((100 * size.raw) / Buffer.byteLength(all)).toFixed(1)}% | ${kb(size.gzip)} | ${kb(size.brotli)} |`,
  );
}

// Through the loader: which files each page fetches, then the same files as parts, against the targets.
const files = pages();
const every = [...new Set(Object.values(files).flatMap((page) => [...page]))];
console.log('\nWhat a page with one element and a JSON Feed fetches through dist/loader.js, file by file (each');
console.log('served and compressed alone; the page rows above add them up).\n');
console.log(`| file | gzip | brotli | ${tags.map((tag) => `<${tag}> page`).join(' | ')} |`);
console.log(`| --- | ---: | ---: | ${tags.map(() => ':---:').join(' | ')} |`);
for (const file of every) {
  const size = measure(read(file));
  console.log(
    `| ${name(file)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${tags.map((tag) => (files[tag].has(file) ? 'yes' : '')).join(' | ')} |`,
  );
}

const pageRow = (tag) => `${tag} page via loader.js`;
const parts = Object.fromEntries(tags.map((tag) => [tag, partsByChunk(files[tag])]));
// What the pages share first, then each element's own.
const own = (part) => part.startsWith('<');
const partNames = [...new Set(tags.flatMap((tag) => [...parts[tag].keys()]))].sort((a, b) => own(a) - own(b));
console.log(
  '\nThe same pages part by part, gzip, against their targets: what stands between each page and its target.\n',
);
console.log(`| part | ${tags.map((tag) => `<${tag}> page`).join(' | ')} |`);
console.log(`| --- | ${tags.map(() => '---:').join(' | ')} |`);
for (const part of partNames) {
  const cell = (tag) => (parts[tag].has(part) ? kb(served(parts[tag].get(part)).gzip) : '');
  console.log(`| ${part} | ${tags.map(cell).join(' | ')} |`);
}
const cells = (value) =>
  tags
    .map((tag) => (targets[pageRow(tag)] ? value(measured[pageRow(tag)].gzip, targets[pageRow(tag)]) : ''))
    .join(' | ');
console.log(`| measured | ${cells((gzip) => kb(gzip))} |`);
console.log(`| target | ${cells((_, target) => kb(target))} |`);
console.log(
  `| gap | ${cells((gzip, target) => (gzip > target ? `${kb(gzip - target)} over` : `${kb(target - gzip)} to spare`))} |`,
);

console.log('\nWhat a page fetches later, on top of the <news-ticker> page: only when it needs it.\n');
console.log('| when | files | gzip | brotli |');
console.log('| --- | --- | ---: | ---: |');
for (const [when, added] of later(files['news-ticker'])) {
  const total = served(added);
  console.log(`| ${when} | ${[...added].map(name).join(', ')} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);
}

// What the one-file target would take: the same bundle with whole features left out.
const whatIf = [
  ['all elements, without the RSS and Atom reader', 'all-without-xml'],
  ['all elements, without RSS and Atom, and without the ru and az tables', 'all-without-xml-and-locales'],
];
const oneFile = targets[ONE_FILE];
console.log(
  `\nWhat the ${kb(oneFile)} target for dist/feedlets.js would take: the same bundle with features cut out (not shipped).\n`,
);
console.log('| bundle | gzip | target |');
console.log('| --- | ---: | ---: |');
for (const [label, bundle] of whatIf) {
  const { gzip } = served([bundleFile(bundle)]);
  console.log(`| ${label} | ${kb(gzip)} | ${versus(gzip, oneFile)} |`);
}

console.log(
  '\nsize-limit checks the budgets next; it prints the same gzip sizes in kB of 1000 bytes, this report in KB of 1024.',
);
