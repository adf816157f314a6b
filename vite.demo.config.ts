import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { feedletsServerPlugin } from './demo/server/feedlets-server-plugin.js';
import { copyUnchanged, serveDist, serveManifest } from './demo/server/static-plugin.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The demo site: `npm start` serves `demo/` with the sources from `src/`; `npm run preview` builds
 * it into `build/demo/` and serves that beside the package build in `dist/`. Both answer the review
 * endpoint with feedlets-server's own handler. `FEEDLETS_DEMO_DATA` moves its database (scripts/check-demo.mjs
 * uses a scratch one).
 */
export default defineConfig({
  root: here('demo'),
  server: { fs: { allow: [here('.')] } },
  build: {
    outDir: here('build/demo'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { index: here('demo/index.html'), builder: here('demo/builder.html') } },
  },
  plugins: [
    feedletsServerPlugin({
      dataDir: process.env.FEEDLETS_DEMO_DATA ?? here('demo/data'),
      seed: here('demo/server/seed-reviews.json'),
      itemIds: ['tag:news.example,2023-12-21:karabakh'],
    }),
    serveDist(here('dist')),
    serveManifest(here('custom-elements.json')),
    copyUnchanged(here('demo'), [
      'embed.html',
      'embed-classic.html',
      'embed-loader.html',
      'embed.css',
      'favicon.svg',
      'feeds',
    ]),
  ],
});
