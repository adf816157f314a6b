// Where the widget files are when the command is not given --assets.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built widget files to serve by default: the dist/ of the `feedlets` package installed beside
 * this one (`npm install feedlets feedlets-server`), else, in a clone of the repository, the root
 * package's dist/ (two folders up from server/dist/ or server/src/). Undefined when neither is built.
 */
export function defaultAssetsDir(from: string | URL = import.meta.url): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(createRequire(from).resolve('feedlets/package.json')), 'dist'));
  } catch {
    // feedlets is not installed where Node would find it.
  }
  candidates.push(fileURLToPath(new URL('../../dist', from)));
  return candidates.find((dir) => statSync(join(dir, 'feedlets.js'), { throwIfNoEntry: false })?.isFile());
}
