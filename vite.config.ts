import { defineConfig } from 'vite';
import { entries } from './scripts/entries.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

/**
 * `vite build` writes the npm entries (lit and zod external); `--mode script` writes the
 * self-contained script-tag files `feedlets.js` (ES module) and `feedlets.iife.js` (classic).
 */
export default defineConfig(({ mode }) => {
  const script = mode === 'script';
  return {
    plugins: [minifyTemplatesPlugin()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: !script,
      copyPublicDir: false,
      sourcemap: true,
      minify: true,
      lib: script
        ? { entry: 'src/bundle.ts', name: 'Feedlets', formats: ['es', 'iife'], fileName: (format) => (format === 'es' ? 'feedlets.js' : 'feedlets.iife.js') }
        : { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: script ? [] : [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/],
        output: { minify: true, ...(script ? {} : { chunkFileNames: 'chunks/[name]-[hash].js' }) },
      },
    },
  };
});
