// One bundled .d.ts per package entry: tsc writes declarations, rollup-plugin-dts bundles them.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { entries } from './entries.mjs';

rmSync('build/types', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const input = Object.fromEntries(
  Object.entries(entries).map(([name, file]) => [
    name,
    file.replace(/^src\//, 'build/types/').replace(/\.ts$/, '.d.ts'),
  ]),
);
// Every warning fails the build: one about a declaration (say, a type referenced but exported by no
// public entry) is a TS2742 error waiting in a user's project.
const warnings = [];
const onwarn = (warning, print) => {
  warnings.push(warning);
  print(warning);
};

const bundle = await rollup({ input, plugins: [dts()], external: [/^lit/, /^@lit\//], onwarn });
await bundle.write({
  dir: 'dist',
  format: 'es',
  chunkFileNames: 'chunks/[name]-[hash].d.ts',
  entryFileNames: '[name].d.ts',
});
await bundle.close();

// The script-tag files: the one-file build exports what the root entry does; the loader, `watch`.
// The classic (IIFE) file has no declarations: nothing imports it.
for (const [file, source] of [
  ['feedlets', 'bundle'],
  ['loader', 'loader'],
]) {
  const single = await rollup({
    input: `build/types/${source}.d.ts`,
    plugins: [dts({ respectExternal: false })],
    external: [/^lit/, /^@lit\//],
    onwarn,
  });
  await single.write({ file: `dist/${file}.d.ts`, format: 'es' });
  await single.close();
}
if (warnings.length) {
  console.error(`build-types: ${warnings.length} warning(s) above; fix them, the declarations are not shippable.`);
  process.exit(1);
}
console.log('types written to dist/');
