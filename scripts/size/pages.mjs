// What a page fetches through dist/loader.js: the loader, the chunk it imports for its element, and
// every chunk those import statically, read from the built files. Each file is served, and so
// compressed, alone: a page's size is the sum of its files'.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tags } from '../entries.mjs';

const LOADER = 'dist/loader.js';

/** The chunks a built module imports: statically (fetched with it) and by import() (fetched on demand). */
export function imports(file) {
  const code = readFileSync(file, 'utf8');
  const at = (specifier) => join(dirname(file), specifier);
  const statics = [...code.matchAll(/(?:^|;)import\s*(?:[^"'`;]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) =>
    at(m[1]),
  );
  const dynamics = [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => at(m[1]));
  return { statics, dynamics };
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
