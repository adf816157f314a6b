import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface Upstream {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The request headers of every request to `path`, in order. */
  requests(path: string): IncomingHttpHeaders[];
  /** Resolves when a request for `path` has arrived. */
  arrived(path: string): Promise<void>;
  /** Resolves when the proxy drops its connection for a request to `path` (an abort). */
  dropped(path: string): Promise<void>;
  /** Adds or replaces a route. */
  route(path: string, handler: Route): void;
  /** The JSON feed served at /feed.json; its ETag is `"<version>"`. */
  feed: { version: string };
  close(): Promise<void>;
}

export const jsonFeed = (title: string) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, items: [{ id: '1', content_text: 'hello' }] });

export const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>RSS</title></channel></rss>';

/**
 * A real HTTP server on 127.0.0.1 (a free port) serving the answers a feed host gives: feeds of
 * each type, HTML, errors, redirects, a body too large, and one that never answers.
 */
export async function startUpstream(): Promise<Upstream> {
  const seen = new Map<string, IncomingHttpHeaders[]>();
  const signals = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const signal = (name: string) => {
    let entry = signals.get(name);
    if (!entry) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      signals.set(name, (entry = { promise, resolve }));
    }
    return entry;
  };
  const feed = { version: 'v1' };
  const send =
    (type: string, body: string, extra: Record<string, string> = {}): Route =>
    (_request, response) => {
      response.writeHead(200, { 'content-type': type, ...extra }).end(body);
    };
  const routes = new Map<string, Route>([
    [
      '/feed.json',
      (request, response) => {
        const etag = `"${feed.version}"`;
        const headers = {
          etag,
          'last-modified': 'Wed, 02 Dec 2026 10:00:00 GMT',
          'content-type': 'application/feed+json',
        };
        if (request.headers['if-none-match'] === etag) response.writeHead(304, headers).end();
        else response.writeHead(200, headers).end(jsonFeed(feed.version));
      },
    ],
    ['/rss.xml', send('application/rss+xml; charset=utf-8', rss)],
    ['/atom.xml', send('application/atom+xml', '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>')],
    ['/raw.json', send('text/plain; charset=utf-8', jsonFeed('raw'))],
    ['/rss-as-html', send('text/html', rss)],
    [
      '/page.html',
      send('text/html; charset=utf-8', '<!doctype html><html><body><script>alert(1)</script></body></html>'),
    ],
    ['/notes.txt', send('text/plain', 'just some notes')],
    ['/image.png', send('image/png', '\x89PNG')],
    ['/cookie.json', send('application/json', jsonFeed('cookie'), { 'set-cookie': 'session=upstream; Path=/' })],
    [
      '/missing',
      (_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'),
    ],
    ['/gone', (_request, response) => response.writeHead(410).end()],
    ['/broken', (_request, response) => response.writeHead(500).end('stack trace with secrets')],
    ['/busy', (_request, response) => response.writeHead(503, { 'retry-after': '30' }).end()],
    [
      '/huge',
      (_request, response) => {
        // Streams without Content-Length until the reader hangs up: only an abort ends it.
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
        };
        response.on('drain', pump);
        pump();
      },
    ],
    [
      '/huge-declared',
      (_request, response) =>
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '6000000' }).end(),
    ],
    // Never answers: only the proxy giving up ends it.
    ['/slow', () => {}],
  ]);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://upstream');
    const path = url.pathname;
    seen.set(path, [...(seen.get(path) ?? []), request.headers]);
    signal(`arrived ${path}`).resolve();
    response.on('close', () => {
      if (!response.writableFinished) signal(`dropped ${path}`).resolve();
    });
    const redirect = /^\/redirect(\d{3})?$/.exec(path);
    if (redirect) {
      response.writeHead(Number(redirect[1] ?? 302), { location: url.searchParams.get('to') ?? '' }).end();
      return;
    }
    const hops = /^\/hops\/(\d+)$/.exec(path);
    if (hops) {
      const left = Number(hops[1]);
      response.writeHead(302, { location: left > 0 ? `/hops/${left - 1}` : '/feed.json' }).end();
      return;
    }
    const route = routes.get(path);
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: (path) => seen.get(path) ?? [],
    arrived: (path) => signal(`arrived ${path}`).promise,
    dropped: (path) => signal(`dropped ${path}`).promise,
    route: (path, handler) => void routes.set(path, handler),
    feed,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
