#!/usr/bin/env node
// Hand-written because publint and @arethetypeswrong check that what package.json names resolves,
// and no maintained tool fails on files packed that nothing published needs.
/**
 * Fails if a package's tarball holds a file nothing published needs, or lacks one the package names;
 * for feedlets and feedlets-server (server/). Needed: what `exports`, `main`, `module`, `types`,
 * `customElements` and `bin` name, every file those import (relative imports, read by es-module-lexer
 * in JS and in .d.ts), the source map each of them points to, and what npm always packs
 * (package.json, README, LICENSE). Run `npm run build` first.
 *
 * The file list comes from `npm pack --dry-run --json`: the same list `npm publish` uploads, as JSON,
 * without a registry, a login or any chance of publishing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { init, parse } from 'es-module-lexer';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const WORKSPACES = ['.', 'server'];
await init;

/** Every string target of an exports map (conditions included) or of a `bin` object. */
function targets(entry) {
  if (typeof entry === 'string') return [entry];
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(targets);
  return [];
}

/** The relative specifiers a module imports, statically or by import(); a source map it names. */
function references(text, file) {
  const refs = parse(text, file)[0]
    .map((i) => i.specifier)
    .filter((specifier) => /^\.{1,2}\//.test(specifier ?? ''));
  const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
  if (map && !map.startsWith('data:')) refs.push(`./${map}`);
  return refs;
}

/** The problems of the package in `dir`, after one line on what it packs. */
function check(dir) {
  const cwd = join(root, dir);
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const files = new Set(packed.files.map((file) => file.path));
  const problems = [];

  /** Packed files a target names; `*` stands for any run of characters, slashes included (as in Node). */
  function matching(target) {
    const path = posix.normalize(target.replace(/^\.\//, ''));
    if (!path.includes('*')) return files.has(path) ? [path] : [];
    const [before, after] = path.split('*');
    return [...files].filter(
      (file) => file.startsWith(before) && file.endsWith(after) && file.length >= before.length + after.length,
    );
  }

  const named = [
    ...targets(pkg.exports),
    ...targets(pkg.bin),
    ...[pkg.main, pkg.module, pkg.types, pkg.customElements].filter(Boolean),
  ];
  const needed = new Set(['package.json']);
  for (const file of files) if (/^(readme|license|licence)(\.|$)/i.test(file)) needed.add(file);
  if (![...needed].some((file) => /^licen[cs]e/i.test(file))) problems.push('the tarball has no LICENSE');
  for (const target of named) {
    const found = matching(target);
    if (!found.length) problems.push(`package.json names ${target}, but the tarball has no such file`);
    for (const file of found) needed.add(file);
  }

  const queue = [...needed];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (!/\.(js|mjs|d\.ts)$/.test(file)) continue;
    for (const ref of references(readFileSync(join(cwd, file), 'utf8'), file)) {
      let path = posix.join(posix.dirname(file), ref);
      // A .d.ts imports `./x.js` and means `./x.d.ts`, as TypeScript reads it.
      if (file.endsWith('.d.ts')) path = path.replace(/\.js$/, '.d.ts');
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
  const kib = (list) => `${(size(list) / 1024).toFixed(1)} KiB`;
  const maps = [...needed].filter((file) => file.endsWith('.map'));
  const code = [...needed].filter((file) => !file.endsWith('.map'));
  console.log(
    `${pkg.name}@${pkg.version}: ${files.size} files packed, ${needed.size} needed ` +
      (maps.length
        ? `(${kib(code)} without source maps, ${kib(maps)} in ${maps.length} source maps)`
        : `(${kib(code)})`),
  );
  return problems.map((problem) => `${pkg.name}: ${problem}`);
}

const problems = WORKSPACES.flatMap(check);
for (const problem of problems) console.log(`✗ ${problem}`);
process.exitCode = problems.length ? 1 : 0;
