// Hand-written because it is a few lines over node:http: no maintained tool is a refusing proxy that
// tells a test runner what it refused.
/**
 * Tests reach loopback only. Feeds in the tests name images and pages on `*.example` hosts, and a
 * browser would look those names up and try to connect. Every browser under test gets this loopback
 * server as its proxy for anything that is not loopback: it refuses each request without resolving
 * or connecting anything, and records the `host:port` it was asked for, so a test can show that a
 * request for another host ended here.
 */
import { createServer } from 'node:http';

/** Starts the guard on a free loopback port; resolves with `{ port, seen(), close() }`. */
export async function startNetworkGuard() {
  const seen = [];
  const server = createServer((request, response) => {
    // A proxied plain-HTTP request names the whole URL.
    seen.push(hostOf(request.url));
    response.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    response.end('Refused: tests reach loopback only (scripts/network-guard.mjs).\n');
  });
  // HTTPS goes through CONNECT host:port; the tunnel is never opened.
  server.on('connect', (request, socket) => {
    seen.push(request.url);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  // The test runner ends the process when it is done; an open guard must not keep it alive.
  server.unref();
  return {
    port: server.address().port,
    /** Every `host:port` refused so far, oldest first. */
    seen: () => [...seen],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function hostOf(url) {
  try {
    const { hostname, port, protocol } = new URL(url);
    return `${hostname}:${port || (protocol === 'https:' ? 443 : 80)}`;
  } catch {
    return String(url);
  }
}

/** Chromium: everything but loopback through the guard (Chromium never proxies loopback). */
export const chromiumGuardFlags = (port) => [`--proxy-server=http://127.0.0.1:${port}`];

/** Firefox: the same, as preferences (Firefox never proxies localhost or 127.0.0.0/8 either). */
export const firefoxGuardPrefs = (port) => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': port,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': port,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, [::1]',
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
});

/**
 * WebKitGTK: the system proxy, from the environment (GLib's resolver, through libproxy). Not
 * WebDriver's proxy capability: WebKitWebDriver turns its `sslProxy` into a proxy spoken to over TLS,
 * which no test can read a host from.
 */
export const webkitGuardEnv = (port) => ({
  http_proxy: `http://127.0.0.1:${port}`,
  https_proxy: `http://127.0.0.1:${port}`,
  no_proxy: 'localhost,127.0.0.1,::1',
});
