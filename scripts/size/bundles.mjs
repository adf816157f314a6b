// Hand-written because size-limit bundles with esbuild: these are built as the library is (Vite, with
// its template minifier), so they measure what ships.
// The bundles a page makes with its own bundler, built here and written to OUT for the report and
// size-limit to measure: each define entry with lit inlined (what a page that uses only that
// element gets), the feed core alone, and what-if builds of everything with whole features cut.
// `node scripts/size/bundles.mjs` writes them; `npm run size` does that first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tags } from '../entries.mjs';

export const OUT = 'node_modules/.cache/feedlets-size';

// Parts a what-if build leaves out, each replaced by a module that exports the same names and does
// nothing: measures what the one-file target would cost in features.
const CUTS = {
  xml: { file: '/src/core/parse-xml.ts', stub: 'export function parseXmlFeed() { throw new Error(); }' },
  locales: { file: /\/src\/locales\/(?:ru|az)\.ts$/, stub: '' },
};

/** Each bundle: the file it is written to, its entry, and the parts (CUTS) it leaves out. */
export const BUNDLES = {
  ...Object.fromEntries(tags.map((tag) => [tag, { entry: `src/define/${tag}.ts`, without: [] }])),
  core: { entry: 'src/core/feed-store.ts', without: [] },
  'all-without-xml': { entry: 'src/bundle.ts', without: ['xml'] },
  'all-without-xml-and-locales': { entry: 'src/bundle.ts', without: ['xml', 'locales'] },
};

/** Where bundle `name` is written. */
export const bundleFile = (name) => join(OUT, `${name}.js`);

/** A plugin that loads the stub of each cut part instead of its source. */
const cut = (parts) => ({
  name: 'size-what-if',
  enforce: 'pre',
  load(id) {
    const part = parts
      .map((name) => CUTS[name])
      .find(({ file }) => (typeof file === 'string' ? id.endsWith(file) : file.test(id)));
    return part?.stub;
  },
});

/** One minified ES module of `entry` and all it imports, as the library build minifies it. */
async function bundle(entry, without) {
  // Imported here, not above: .size-limit.js reads bundleFile without loading Vite.
  const { build } = await import('vite');
  const { minifyTemplatesPlugin } = await import('../minify-templates.mjs');
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
  return outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
}

/** Builds every bundle and writes it to OUT. */
export async function writeBundles() {
  mkdirSync(OUT, { recursive: true });
  for (const [name, { entry, without }] of Object.entries(BUNDLES))
    writeFileSync(bundleFile(name), await bundle(entry, without));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeBundles();
