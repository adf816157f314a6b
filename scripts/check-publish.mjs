#!/usr/bin/env node
/**
 * Fails if the package tarball holds a file nothing published needs, or lacks one the package names.
 * Needed: what `exports`, `main`, `module`, `types` and `customElements` name, every file those import
 * (relative imports, followed in JS and in .d.ts), the source map each of them points to, and what
 * npm always packs (package.json, README, LICENSE). Run `npm run build` first.
 *
 * The file list comes from `npm pack --dry-run --json`: the same list `npm publish` uploads, as JSON,
 * without a registry, a login or any chance of publishing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
const files = new Set(packed.files.map((file) => file.path));
const problems = [];

/** Every string target of an exports map, conditions included. */
function targets(entry) {
  if (typeof entry === 'string') return [entry];
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(targets);
  return [];
}

/** Packed files a target names; `*` stands for any run of characters, slashes included (as in Node). */
function matching(target) {
  const path = posix.normalize(target.replace(/^\.\//, ''));
  if (!path.includes('*')) return files.has(path) ? [path] : [];
  const [before, after] = path.split('*');
  return [...files].filter(
    (file) => file.startsWith(before) && file.endsWith(after) && file.length >= before.length + after.length,
  );
}

const named = [...targets(pkg.exports), ...[pkg.main, pkg.module, pkg.types, pkg.customElements].filter(Boolean)];
const needed = new Set(['package.json']);
for (const file of files) if (/^(readme|license|licence)(\.|$)/i.test(file)) needed.add(file);
for (const target of named) {
  const found = matching(target);
  if (!found.length) problems.push(`package.json names ${target}, but the tarball has no such file`);
  for (const file of found) needed.add(file);
}

// Follow relative imports (`from './x.js'`, `import './x.js'`, `import('./x.js')`, also with
// backticks, as the minifier writes the loader's dynamic imports) and source maps.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"`])(\.{1,2}\/[^'"`]+)\1/g;
const MAP = /\/\/# sourceMappingURL=(\S+)\s*$/;
const queue = [...needed];
for (let file = queue.shift(); file; file = queue.shift()) {
  if (!/\.(js|mjs|d\.ts)$/.test(file)) continue;
  const text = readFileSync(join(root, file), 'utf8');
  const refs = [...text.matchAll(IMPORT)].map((match) => match[2]);
  const map = MAP.exec(text)?.[1];
  if (map && !map.startsWith('data:')) refs.push(`./${map}`);
  for (const ref of refs) {
    let path = posix.join(posix.dirname(file), ref);
    // A .d.ts imports `./x.js` and means `./x.d.ts`.
    if (file.endsWith('.d.ts') && !files.has(path)) path = path.replace(/\.js$/, '.d.ts');
    if (!files.has(path)) {
      problems.push(`${file} imports ${ref}, but the tarball has no ${path}`);
      continue;
    }
    if (needed.has(path)) continue;
    needed.add(path);
    queue.push(path);
  }
}

const extra = [...files].filter((file) => !needed.has(file)).sort();
for (const file of extra) problems.push(`${file} is packed, but nothing the package exports needs it`);

const size = (list) =>
  packed.files.filter((file) => list.includes(file.path)).reduce((sum, file) => sum + file.size, 0);
const maps = [...needed].filter((file) => file.endsWith('.map'));
console.log(
  `${pkg.name}@${pkg.version}: ${files.size} files packed, ${needed.size} needed ` +
    `(${(size([...needed].filter((f) => !f.endsWith('.map'))) / 1024).toFixed(1)} KiB without source maps, ` +
    `${(size(maps) / 1024).toFixed(1)} KiB in ${maps.length} source maps)`,
);
for (const problem of problems) console.log(`✗ ${problem}`);
process.exitCode = problems.length ? 1 : 0;
