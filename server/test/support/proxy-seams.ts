import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import type { Connector, Lookup } from '../../src/proxy/index.js';

/**
 * The connection seam: records every address the proxy asks to connect to, and opens a socket
 * only to 127.0.0.1. Anything else is refused right there, so no test request leaves this machine.
 */
export function loopbackOnlyConnector(): { connect: Connector; targets: string[] } {
  const targets: string[] = [];
  const open = buildConnector({});
  const connect: Connector = (options, callback) => {
    targets.push(`${options.hostname}:${options.port}`);
    if (options.hostname !== '127.0.0.1') {
      callback(new Error(`test connector: refusing to open a socket to ${options.hostname}`), null);
      return;
    }
    open(options, callback);
  };
  return { connect, targets };
}

/** The DNS seam: answers from `table` only (never the real DNS) and records every name asked. */
export function fakeLookup(table: Record<string, string[]>): { lookup: Lookup; asked: string[] } {
  const asked: string[] = [];
  const lookup: Lookup = async (hostname) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: isIP(address) }));
  };
  return { lookup, asked };
}

/** Asks `proxy` for `url` the way a widget does: `?url=` with the URL encoded. */
export function proxyRequest(url: string, init?: RequestInit): Request {
  return new Request(`http://feedlets.test/api/proxy?url=${encodeURIComponent(url)}`, init);
}
