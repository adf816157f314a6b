import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import sirv from 'sirv';
import type { Connect, Plugin } from 'vite';

/**
 * Serves the package build (`dist/`, from `npm run build`) at `/dist/`, so the embed pages load
 * exactly the files a site owner would, under `vite` and `vite preview` alike. sirv serves the files;
 * in dev mode it reads each when asked, so a rebuild shows at once (`Cache-Control: no-cache`, ETag).
 */
export function serveDist(dist: string): Plugin {
  const files = sirv(dist, { dev: true, etag: true, extensions: [] });
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith('/dist/')) return next();
    const notFound = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      const built = statSync(dist, { throwIfNoEntry: false })?.isDirectory();
      res.end(built ? `${pathname} is not in dist/.` : 'dist/ is not built yet: run `npm run build` first.');
    };
    // sirv serves paths under dist/; nothing after this middleware sees the request.
    req.url = req.url!.slice('/dist'.length);
    files(req, res, notFound);
  };
  return {
    name: 'feedlets-demo-dist',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

function* filesUnder(path: string): Generator<string> {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) yield* filesUnder(join(path, name));
  } else yield path;
}

/**
 * Copies `paths` (files or folders under `root`) into the build unchanged: the embed pages must keep
 * their plain `<script src="../dist/…">` rather than be bundled, and the feeds are only named in
 * attributes, where the bundler does not look.
 */
export function copyUnchanged(root: string, paths: string[]): Plugin {
  return {
    name: 'feedlets-demo-copy',
    apply: 'build',
    generateBundle() {
      for (const path of paths) {
        for (const file of filesUnder(join(root, path))) {
          this.emitFile({
            type: 'asset',
            fileName: relative(root, file).split(sep).join('/'),
            source: readFileSync(file),
          });
        }
      }
    },
  };
}

/**
 * The Custom Elements Manifest at `/custom-elements.json`, which the embed builder makes its
 * controls from: served as it is in development and copied into the build.
 */
export function serveManifest(file: string): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/custom-elements.json') return next();
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('custom-elements.json is not made yet: run `npm run analyze` first.');
      return;
    }
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'feedlets-demo-manifest',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'custom-elements.json', source: readFileSync(file) });
    },
  };
}
