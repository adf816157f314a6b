// One bundled .d.ts per package entry: tsc writes declarations, rollup-plugin-dts bundles them.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { entries } from './entries.mjs';

rmSync('build/types', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const input = Object.fromEntries(
  Object.entries(entries).map(([name, file]) => [name, file.replace(/^src\//, 'build/types/').replace(/\.ts$/, '.d.ts')]),
);
const bundle = await rollup({ input, plugins: [dts()], external: [/^lit/, /^@lit\//, /^zod/] });
await bundle.write({ dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts', entryFileNames: '[name].d.ts' });
await bundle.close();

// The script-tag build exports the root entry's API but for the server-side review schema.
for (const file of ['feedlets', 'feedlets.iife']) {
  const single = await rollup({ input: 'build/types/bundle.d.ts', plugins: [dts({ respectExternal: false })], external: [/^lit/, /^@lit\//, /^zod/] });
  await single.write({ file: `dist/${file}.d.ts`, format: 'es' });
  await single.close();
}
console.log('types written to dist/');
