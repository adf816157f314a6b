import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { buildConnector } from 'undici';
import { classifyAddress } from './address-policy.js';
import { AddressRefused } from './errors.js';

/** One address a host name resolves to, as `dns.lookup(host, { all: true })` gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (the DNS seam). */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** undici's connector: opens the socket for `options.hostname`, which is always a checked IP here. */
export type Connector = buildConnector.connector;

export const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true });

interface GuardOptions {
  lookup: Lookup;
  /** Opens the socket once the address is checked. */
  connect: Connector;
  /** Whether the allow list names this origin, so it may be local. */
  namesOrigin(origin: string): boolean;
}

/**
 * The address every connection goes to, after DNS: each address the host resolves to must be
 * public, or local on an origin the allow list names. All of them, not just the first,
 * so a name that answers with one public and one private address is refused. The socket is then
 * opened to that checked address, never to the name, so DNS cannot answer differently between the
 * check and the connection (rebinding).
 */
async function checkedAddresses(hostname: string, origin: string, options: GuardOptions): Promise<string[]> {
  const addresses = isIP(hostname) ? [hostname] : (await options.lookup(hostname)).map(({ address }) => address);
  if (addresses.length === 0) throw new AddressRefused(`${hostname} has no address`);
  for (const address of addresses) {
    const { kind, what } = classifyAddress(address);
    if (kind === 'public' || (kind === 'local' && options.namesOrigin(origin))) continue;
    const host = address === hostname ? address : `${hostname} resolves to ${address}, which`;
    const fix = kind === 'local' ? ': name this origin in allowFeed to proxy a feed on your own network' : '';
    throw new AddressRefused(`${host} is ${what}; the proxy does not connect there${fix}`);
  }
  return addresses;
}

/**
 * Wraps a connector so that it only ever opens sockets to addresses the policy allows, trying
 * them in the order DNS gave them (an IPv6 address first may not be reachable from every host).
 */
export function guardedConnector(options: GuardOptions): Connector {
  return (target, callback) => {
    const origin = `${target.protocol}//${target.host ?? target.hostname}`;
    const attempt = (addresses: string[]) =>
      // servername stays the name (undici derives it from `host`), so TLS still checks the certificate for it.
      options.connect({ ...target, hostname: addresses[0] }, (...result) => {
        if (result[0] && addresses.length > 1) attempt(addresses.slice(1));
        else callback(...result);
      });
    checkedAddresses(target.hostname, origin, options).then(attempt, (error: Error) => callback(error, null));
  };
}
