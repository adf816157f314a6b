import { defineConfig } from 'vite';
import { entries } from './scripts/entries.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

/** Chunks of the loader build apart from each element's own: shared by every element, cached once. */
const loaderChunks = {
  groups: [
    { name: 'lit', test: /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/][\w-]+)[\\/]/ },
    // The RSS/Atom reader and the language tables stay out, each imported when first needed; so
    // does what only <news-reviews> uses (sending, drafts), which goes with it.
    { name: 'core', test: /[\\/]src[\\/](?:core[\\/](?!parse-xml\.|review-)|loader[\\/]locales\.)/ },
    // What several elements share: their base class, styles and the registration guard.
    { name: 'elements', test: /[\\/]src[\\/](?:elements[\\/]shared|define[\\/]define-element\.)/ },
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
    ? { entry: 'src/bundle.ts', name: 'Feedlets', formats: ['es', 'iife'] as const, fileName: (format: string) => (format === 'es' ? 'feedlets.js' : 'feedlets.iife.js') }
    : loader
      ? { entry: 'src/loader.ts', formats: ['es'] as const, fileName: () => 'loader.js' }
      : { entry: entries, formats: ['es'] as const };
  const output = script
    ? { codeSplitting: false }
    : loader
      ? { chunkFileNames: 'lazy/[name]-[hash].js', codeSplitting: loaderChunks }
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
        output: { minify: true, ...output },
      },
    },
  };
});
