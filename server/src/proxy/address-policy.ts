import { isIPv4, isIPv6 } from 'node:net';

/**
 * What an IP address is, for the proxy's one question: may it connect there?
 * - `public`: a global unicast address; the proxy connects when the URL is allowed.
 * - `local`: this machine or its private network (loopback, RFC 1918, CGNAT, unique-local IPv6);
 *   refused unless `allowFeed` names the origin (a feed on the same machine or network).
 * - `never`: nothing a feed is served from (link-local and cloud metadata, unspecified, multicast,
 *   broadcast, reserved and documentation blocks); refused even when named.
 */
export type AddressKind = 'public' | 'local' | 'never';

export interface AddressClass {
  kind: AddressKind;
  /** Words for an error message, e.g. "a loopback address". */
  what: string;
}

type Rule = [prefix: string, bits: number, kind: Exclude<AddressKind, 'public'>, what: string];

// Most specific first: the first rule that matches decides.
const V4_RULES: Rule[] = [
  ['255.255.255.255', 32, 'never', 'the broadcast address'],
  ['0.0.0.0', 8, 'never', 'an address of "this network" (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'local', 'a private address (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'local', 'a carrier-grade NAT address (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'local', 'a loopback address'],
  ['169.254.0.0', 16, 'never', 'a link-local address (169.254.0.0/16, where cloud metadata services answer)'],
  ['172.16.0.0', 12, 'local', 'a private address (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'never', 'an IETF protocol address (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'never', 'a documentation address (192.0.2.0/24)'],
  ['192.88.99.0', 24, 'never', 'a 6to4 relay address (192.88.99.0/24)'],
  ['192.168.0.0', 16, 'local', 'a private address (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'never', 'a benchmarking address (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'never', 'a documentation address (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'never', 'a documentation address (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'never', 'a multicast address (224.0.0.0/4)'],
  ['240.0.0.0', 4, 'never', 'a reserved address (240.0.0.0/4)'],
];

const V6_RULES: Rule[] = [
  ['::', 128, 'never', 'the unspecified address (::)'],
  ['::1', 128, 'local', 'a loopback address (::1)'],
  ['64:ff9b:1::', 48, 'never', 'a local-use NAT64 address (64:ff9b:1::/48)'],
  ['2001:db8::', 32, 'never', 'a documentation address (2001:db8::/32)'],
  // Teredo, benchmarking, ORCHID: tunnels and test ranges, never a feed's home.
  ['2001::', 23, 'never', 'an IETF special-purpose address (2001::/23)'],
  ['3fff::', 20, 'never', 'a documentation address (3fff::/20)'],
  ['fc00::', 7, 'local', 'a unique-local address (fc00::/7)'],
  ['fe80::', 10, 'never', 'a link-local address (fe80::/10)'],
  ['fec0::', 10, 'never', 'a site-local address (fec0::/10)'],
  ['ff00::', 8, 'never', 'a multicast address (ff00::/8)'],
];

// IPv6 forms that carry an IPv4 address: judged by the address they carry.
const V6_EMBEDDING: [prefix: string, bits: number, shift: bigint, what: string][] = [
  ['::ffff:0:0', 96, 0n, 'IPv4-mapped'],
  ['64:ff9b::', 96, 0n, 'NAT64'],
  ['2002::', 16, 80n, '6to4'],
];

/** The 32 bits of a dotted-quad IPv4 address (the only form DNS answers and URL hosts take). */
function v4Bits(address: string): bigint {
  return address.split('.').reduce((bits, part) => (bits << 8n) | BigInt(Number(part)), 0n);
}

/** The 128 bits of an IPv6 address, with `::` and a dotted IPv4 tail expanded. */
function v6Bits(address: string): bigint {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const bits = v4Bits(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(bits >> 16n).toString(16)}:${(bits & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((bits, group) => (bits << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function matches(
  bits: bigint,
  width: number,
  [prefix, length]: [string, number, ...unknown[]],
  parse: (text: string) => bigint,
) {
  const shift = BigInt(width - length);
  return bits >> shift === parse(prefix) >> shift;
}

function classifyV4(bits: bigint): AddressClass {
  const rule = V4_RULES.find((candidate) => matches(bits, 32, candidate, v4Bits));
  return rule ? { kind: rule[2], what: rule[3] } : { kind: 'public', what: 'a public address' };
}

function classifyV6(bits: bigint): AddressClass {
  for (const [prefix, length, shift, form] of V6_EMBEDDING) {
    if (!matches(bits, 128, [prefix, length], v6Bits)) continue;
    const v4 = (bits >> shift) & 0xffffffffn;
    const inner = classifyV4(v4);
    const dotted = [24n, 16n, 8n, 0n].map((by) => (v4 >> by) & 0xffn).join('.');
    return inner.kind === 'public' ? inner : { kind: inner.kind, what: `the ${form} form of ${dotted}, ${inner.what}` };
  }
  const rule = V6_RULES.find((candidate) => matches(bits, 128, candidate, v6Bits));
  if (rule) return { kind: rule[2], what: rule[3] };
  // Global unicast is 2000::/3; everything else is unassigned or special.
  if (bits >> 125n !== 1n) return { kind: 'never', what: 'an address outside IPv6 global unicast (2000::/3)' };
  return { kind: 'public', what: 'a public address' };
}

/**
 * Classifies an IP address as DNS returns it or as a URL host holds it (brackets and an IPv6
 * zone are allowed). Anything that is not an IP address is `never`: the proxy only ever connects
 * to an address it has judged.
 */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return classifyV4(v4Bits(bare));
  if (isIPv6(bare)) return classifyV6(v6Bits(bare.toLowerCase()));
  return { kind: 'never', what: 'not an IP address' };
}
