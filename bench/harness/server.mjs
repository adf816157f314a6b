import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import sirv from 'sirv';
import { makeFeed } from '../pages/lib/feed.js';

/**
 * Serves the built pages (sirv) and generated feeds on 127.0.0.1. Feeds are counted here, where the
 * network really is: every feed request is logged with its status, whether it was conditional and
 * the bytes that went over the socket. `/feeds/<name>.json?items=N&kind=news|reviews` answers with
 * an ETag and a 304 to a matching `If-None-Match`; `/hang` never answers.
 */
export async function startServer(root) {
  // dev: each file read when asked, with `Cache-Control: no-store`, so no run reuses another's.
  const files = sirv(root, { dev: true });
  /** @type {{ url: string, status: number, conditional: boolean, bytes: number, bodyBytes: number, open: boolean, aborted: boolean }[]} */
  const log = [];
  const versions = new Map();
  const cache = new Map();

  function feedFor(url) {
    const version = versions.get(url) ?? 0;
    const key = `${url} ${version}`;
    let entry = cache.get(key);
    if (!entry) {
      const query = new URL(url, 'http://x').searchParams;
      const body = JSON.stringify(makeFeed(Number(query.get('items') ?? 20), query.get('kind') ?? 'news', version));
      entry = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"` };
      cache.set(key, entry);
    }
    return entry;
  }

  function serveFeed(req, res) {
    const { body, etag } = feedFor(req.url);
    const conditional = req.headers['if-none-match'] !== undefined;
    const fresh = conditional && req.headers['if-none-match'].split(/\s*,\s*/).includes(etag);
    const entry = {
      url: req.url,
      status: fresh ? 304 : 200,
      conditional,
      bytes: 0,
      bodyBytes: fresh ? 0 : Buffer.byteLength(body),
      open: true,
      aborted: false,
    };
    log.push(entry);
    // One request at a time per connection, so the socket's counter gives this response's bytes.
    const written = req.socket.bytesWritten;
    res.on('finish', () => {
      entry.open = false;
      entry.bytes = req.socket.bytesWritten - written;
    });
    res.on('close', () => {
      entry.aborted = entry.open;
      entry.open = false;
    });
    const headers = { etag, 'cache-control': 'no-cache', 'content-type': 'application/feed+json' };
    if (fresh) res.writeHead(304, headers).end();
    else res.writeHead(200, headers).end(body);
  }

  // Never answers: the memory suite's leaky control leaves requests open here.
  function hang(req, res) {
    const entry = { url: req.url, status: 0, conditional: false, bytes: 0, bodyBytes: 0, open: true, aborted: false };
    log.push(entry);
    res.on('close', () => {
      entry.aborted = true;
      entry.open = false;
    });
  }

  const server = createServer((req, res) => {
    if (req.url === '/hang') hang(req, res);
    else if (req.url.startsWith('/feeds/')) serveFeed(req, res);
    else files(req, res, () => void res.writeHead(404).end());
  });
  await new Promise((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    /** Every request for `url` (path and query) so far, oldest first. */
    requests: (url) => log.filter((entry) => entry.url === url),
    /** Edits the feed at `url`: its next response is a new body with a new ETag. */
    edit: (url) => versions.set(url, (versions.get(url) ?? 0) + 1),
    /** Responses for `url` still being written (neither finished nor abandoned by the browser). */
    open: (url) => log.filter((entry) => entry.open && entry.url === url),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
