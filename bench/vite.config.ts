import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The bench pages, built the way a site would ship Feedlets: a minified production bundle, so Lit
 * runs in production mode and the code measured is the code readers get.
 */
export default defineConfig({
  root: here('./pages'),
  base: './',
  mode: 'production',
  logLevel: 'warn',
  // Lit picks its development build under the `development` condition; never here.
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { parse: here('./pages/parse.html'), elements: here('./pages/elements.html') },
    },
  },
});
