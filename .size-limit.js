// The CI budget of each way of loading Feedlets, gzip, checked by size-limit in `npm run size`
// (which first builds the bundles measured here and prints the report: scripts/size/report.mjs).
// A budget is a ratchet at what the build achieves plus at most 0.3 KB: lower one when bytes go;
// raise one only with the reason in the commit. A page's files are each served, and so compressed,
// alone, and size-limit adds them up the same way.
import { existsSync } from 'node:fs';
import { tags } from './scripts/entries.mjs';
import { bundleFile } from './scripts/size/bundles.mjs';
import { pages } from './scripts/size/pages.mjs';

const files = pages();
const budgets = [
  ['dist/feedlets.js (all elements)', 'dist/feedlets.js', '35.4 KiB'],
  ['dist/feedlets.iife.js (all elements)', 'dist/feedlets.iife.js', '35.4 KiB'],
  ['news-ticker alone', bundleFile('news-ticker'), '22.0 KiB'],
  ['news-cards alone', bundleFile('news-cards'), '23.8 KiB'],
  ['news-card alone', bundleFile('news-card'), '10.0 KiB'],
  ['news-categories alone', bundleFile('news-categories'), '23.0 KiB'],
  ['news-reviews alone', bundleFile('news-reviews'), '26.4 KiB'],
  ['core only (store, JSON Feed, RSS and Atom)', bundleFile('core'), '10.9 KiB'],
  ['news-ticker page via loader.js', [...files['news-ticker']], '20.2 KiB'],
  ['news-cards page via loader.js', [...files['news-cards']], '23.0 KiB'],
  ['news-card page via loader.js', [...files['news-card']], '13.7 KiB'],
  ['news-categories page via loader.js', [...files['news-categories']], '21.4 KiB'],
  ['news-reviews page via loader.js', [...files['news-reviews']], '25.5 KiB'],
];

// size-limit counts a missing file as 0 bytes, which would pass: say what to run instead.
const missing = budgets.flatMap(([, path]) => path).filter((file) => !existsSync(file));
if (missing.length) throw new Error(`${missing.join(', ')} missing: run \`npm run build && npm run size\`.`);
// Every element has its rows: a new element without budgets fails here rather than going unmeasured.
const rows = tags.flatMap((tag) => [`${tag} alone`, `${tag} page via loader.js`]);
const unbudgeted = rows.filter((row) => !budgets.some(([name]) => name === row));
if (unbudgeted.length) throw new Error(`no size budget for ${unbudgeted.join(', ')}: add one to .size-limit.js.`);

export default budgets.map(([name, path, limit]) => ({
  name,
  path: [path].flat(),
  limit,
  gzip: true,
}));
