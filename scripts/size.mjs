// Prints what each way of loading Feedlets costs a reader, gzip and brotli, and fails above budget.
// `dist/feedlets.js` is measured as built; each define entry is bundled here with lit and zod
// inlined, which is what a page that uses only that element downloads.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { tags } from './entries.mjs';

const KB = 1024;
const budgets = {
  'dist/feedlets.js (all elements)': 24 * KB,
};

async function bundle(entry) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
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

const measure = (code) => ({
  raw: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

if (!existsSync('dist/feedlets.js')) {
  console.error('dist/feedlets.js is missing: run `npm run build` first.');
  process.exit(1);
}

const rows = [['dist/feedlets.js (all elements)', measure(readFileSync('dist/feedlets.js', 'utf8'))]];
rows.push(['dist/feedlets.iife.js (all elements)', measure(readFileSync('dist/feedlets.iife.js', 'utf8'))]);
for (const tag of tags) rows.push([`${tag} alone`, measure(await bundle(`src/define/${tag}.ts`))]);
rows.push(['core only (parseFeed + store)', measure(await bundle('src/core/feed-store.ts'))]);

const kb = (n) => `${(n / KB).toFixed(2)} KB`;
let failed = false;
console.log('| what a page loads | minified | gzip | brotli | gzip budget |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, size] of rows) {
  const budget = budgets[name];
  const over = budget !== undefined && size.gzip > budget;
  failed ||= over;
  console.log(`| ${name} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${budget ? `${kb(budget)}${over ? ' OVER' : ' ok'}` : ''} |`);
}
if (failed) {
  console.error('\nSize budget exceeded.');
  process.exit(1);
}
