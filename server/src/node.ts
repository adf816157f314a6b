import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { FetchHandler } from './handler.js';

/** A running Node HTTP server for a fetch handler. */
export interface NodeServer {
  server: Server;
  /** The address it listens on, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Stops taking connections and resolves when the open ones are done. */
  close(): Promise<void>;
}

/** The Node `(req, res)` listener for `handler`, passing each socket's peer address on. */
export function nodeListener(handler: FetchHandler) {
  return getRequestListener((request, env) => handler(request, { address: env.incoming.socket.remoteAddress }));
}

/**
 * Serves `handler` over HTTP on `host:port` (port 0: any free one) and resolves once it listens.
 *
 * @throws when the port cannot be bound (the error names the port).
 */
export function listen(handler: FetchHandler, { port, host }: { port: number; host: string }): Promise<NodeServer> {
  const server = createServer(nodeListener(handler));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        url: `http://${shown}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
