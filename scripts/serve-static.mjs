// Only the port is ours: sirv (maintained) serves the files; this picks a free loopback port and closes cleanly.
// For the scripts that drive a browser over built files (sirv handles paths outside the root, types, ranges).
import { createServer } from 'node:http';
import sirv from 'sirv';

/** Serves `root` on a free loopback port; resolves with `{ url, close }`. */
export function serveStatic(root) {
  const files = sirv(root, { dev: true, etag: false });
  const server = createServer((request, response) =>
    files(
      request,
      response,
      () => void response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found'),
    ),
  );
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(done));
        },
      }),
    ),
  );
}
