// Hand-written because no tool knows which of the loader's chunks a page with one element fetches;
// es-module-lexer (maintained) reads each chunk's imports.
// What a page fetches through dist/loader.js: the loader, the chunk it imports for its element, and
// every chunk those import statically, read from the built files. Each file is served, and so
// compressed, alone: a page's size is the sum of its files'.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { tags } from '../entries.mjs';

await init;

const LOADER = 'dist/loader.js';

/** The chunks a built module imports: statically (fetched with it) and by import() (fetched on demand). */
export function imports(file) {
  const [found] = parse(readFileSync(file, 'utf8'), file);
  const relative = (...types) =>
    found
      .filter((i) => types.includes(i.type) && /^\.{1,2}\//.test(i.specifier ?? ''))
      .map((i) => join(dirname(file), i.specifier));
  return { statics: relative('static', 'reexport-star'), dynamics: relative('dynamic') };
}

/** Every file a browser fetches for `entries`: them and all they import statically, but what `have` holds. */
export function closure(entries, have = new Set()) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file) || have.has(file)) return;
    files.add(file);
    imports(file).statics.forEach(visit);
  };
  entries.forEach(visit);
  return files;
}

/**
 * The files of a page with each single element and a JSON Feed, by tag, in the order the loader
 * reaches them: the loader and what it imports first for that tag (`lazy/<tag>-<hash>.js`).
 */
export function pages() {
  if (!existsSync(LOADER)) throw new Error(`${LOADER} is missing: run \`npm run build\` first.`);
  const first = Object.fromEntries(
    imports(LOADER).dynamics.map((file) => [/\/(news-[a-z]+)-[\w-]+\.js$/.exec(file)[1], file]),
  );
  return Object.fromEntries(tags.map((tag) => [tag, closure([LOADER, first[tag]])]));
}

/** What a page fetches later, only when it needs it: the chunk each pattern names, imported on demand. */
export const LATER = [
  ['the first RSS or Atom feed', /\/parse-xml-/],
  ['an element speaking Russian', /\/ru-/],
  ['an element speaking Azerbaijani', /\/az-/],
];

/** The files each of LATER adds on top of a page's `files` (what any of them imports on demand). */
export function later(files) {
  const onDemand = [...files].flatMap((file) => imports(file).dynamics);
  return LATER.map(([when, pattern]) => [
    when,
    closure(
      onDemand.filter((file) => pattern.test(file)),
      files,
    ),
  ]);
}
