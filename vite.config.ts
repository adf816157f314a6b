import { defineConfig } from 'vite';
import { entries } from './scripts/entries.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const lit = /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/][\w-]+)[\\/](?!directive)/;
const shared =
  /[\\/]src[\\/](?:core[\\/](?!parse-xml\.|decode-feed\.|review-)|loader[\\/]locales\.|elements[\\/]shared[\\/]|define[\\/]define-element\.)/;

/** Chunks of the loader build apart from each element's own: shared by every element, cached once. */
const loaderChunks = {
  // A group takes only the modules it names: the feed group must not take what every element uses.
  includeDependenciesRecursively: false,
  groups: [
    // Loading and reading feeds, which <news-card> (given its item by the page) never needs.
    {
      name: 'feed',
      test: /[\\/]src[\\/](?:core[\\/](?:feed-store|feed-controller|parse-feed|normalise|read-feed|schema|events)\.|elements[\\/]shared[\\/]feed-element\.)/,
    },
    // Dates: formatting and the minute clock, which the ticker (it shows none) never fetches.
    { name: 'dates', test: /[\\/]src[\\/](?:core[\\/]format\.|elements[\\/]shared[\\/]minute-clock\.)/ },
    // The RSS/Atom reader with the decoding of anything but UTF-8 JSON: imported on the first such feed.
    { name: 'parse-xml', test: /[\\/]src[\\/]core[\\/](?:parse-xml|decode-feed)\./ },
    // Lit, which every element uses, in a file of its own apart from Feedlets' code (about 0.3 KB
    // of gzip more per page than one chunk for both). Its directives (only <news-reviews> uses
    // one, `live`) stay out, imported with what needs them.
    { name: 'lit', test: lit },
    // What every element uses of the shared core. The RSS/Atom reader, the language tables and
    // what only <news-reviews> uses (sending, drafts, its messages) stay out, each imported with
    // what first needs it.
    { name: 'base', test: shared },
  ],
};

/**
 * `vite build` writes the npm entries (lit external); `--mode script` writes the self-contained
 * one-file builds `feedlets.js` (ES module) and `feedlets.iife.js` (classic); `--mode loader`
 * writes `loader.js`, which imports from `lazy/` only the chunks a page uses.
 */
export default defineConfig(({ mode }) => {
  const script = mode === 'script';
  const loader = mode === 'loader';
  const lib = script
    ? {
        entry: 'src/bundle.ts',
        name: 'Feedlets',
        formats: ['es', 'iife'] as const,
        fileName: (format: string) => (format === 'es' ? 'feedlets.js' : 'feedlets.iife.js'),
      }
    : loader
      ? { entry: 'src/loader.ts', formats: ['es'] as const, fileName: () => 'loader.js' }
      : { entry: entries, formats: ['es'] as const };
  // What a browser runs as served keeps no `/* @__PURE__ */`: the minifier leaves those for a
  // bundler to read, and no bundler reads these builds. The npm build keeps them for the user's.
  const output = script
    ? { codeSplitting: false, comments: { annotation: false } }
    : loader
      ? { chunkFileNames: 'lazy/[name]-[hash].js', codeSplitting: loaderChunks, comments: { annotation: false } }
      : { chunkFileNames: 'chunks/[name]-[hash].js' };
  return {
    plugins: [minifyTemplatesPlugin()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: !script && !loader,
      copyPublicDir: false,
      sourcemap: true,
      minify: true,
      lib: { ...lib, formats: [...lib.formats] },
      rolldownOptions: {
        external: script || loader ? [] : [/^lit($|\/)/, /^@lit\//],
        // Needed by includeDependenciesRecursively: false; loader.js still exports exactly `watch`.
        ...(loader ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
        output: { minify: true, ...output },
      },
    },
  };
});
