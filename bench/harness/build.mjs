import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const config = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

/** Builds the bench pages (production mode) into `bench/dist` and checks Lit is not in dev mode. */
export async function buildPages() {
  await build({ configFile: config, mode: 'production', logLevel: 'warn' });
  const assets = new URL('../dist/assets/', import.meta.url);
  for (const file of readdirSync(assets)) {
    // Lit's development build carries this warning; the production build does not.
    if (readFileSync(new URL(file, assets), 'utf8').includes('Lit is in dev mode')) {
      throw new Error(
        `bench/dist/assets/${file} contains Lit's development build: the numbers would not be production numbers`,
      );
    }
  }
}
