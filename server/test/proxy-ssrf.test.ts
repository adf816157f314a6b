import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProxy, type ProxyHandler } from '../src/proxy/index.js';
import { fakeLookup, loopbackOnlyConnector, proxyRequest } from './support/proxy-seams.js';
import { jsonFeed, startUpstream, type Upstream } from './support/proxy-upstream.js';

// Every refusal is proved at the seams: the DNS seam records the names asked, the connection seam
// records every address a socket was asked for (and opens none but 127.0.0.1).
const DNS = {
  'loopback.test': ['127.0.0.1'],
  'private.test': ['10.1.2.3'],
  'metadata.test': ['169.254.169.254'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'v6-loopback.test': ['::1'],
  // One public and one link-local answer: refused, since the socket could go to either.
  'mixed.test': ['93.184.216.34', '169.254.169.254'],
  'public.test': ['93.184.216.34'],
  'feeds.example': ['93.184.216.34'],
  // As on many hosts: ::1 first, while the feed server listens on 127.0.0.1 only.
  localhost: ['::1', '127.0.0.1'],
  // A machine on this network that allowFeed does not name.
  vm: ['127.0.0.1'],
};

// Named in allowFeed (on port 80, and loopback.test also on the test upstream's port).
const NAMED = ['loopback.test', 'private.test', 'metadata.test', 'mapped.test', 'v6-loopback.test', 'mixed.test'];

let upstream: Upstream;
let port: string;
let proxy: ProxyHandler;
const proxies: ProxyHandler[] = [];
let seams: { targets: string[]; asked: string[] };

function allowFeed() {
  return [
    `${upstream.origin}/*`,
    ...NAMED.map((host) => `http://${host}/*`),
    `http://loopback.test:${port}/feed.json`,
    'https://public.test/*',
    `http://localhost:${port}/*`,
    // Named by address, yet never connected to: nothing a feed lives on.
    'http://169.254.169.254/*',
    'http://[fe80::1]/*',
    'http://224.0.0.1/*',
    'http://0.0.0.0/*',
  ];
}

before(async () => {
  upstream = await startUpstream();
  port = new URL(upstream.origin).port;
});

after(async () => {
  await Promise.all(proxies.map((each) => each.close()));
  await upstream.close();
});

/** A fresh proxy and fresh seams for each test, so each test sees only its own attempts. */
function freshProxy() {
  const connector = loopbackOnlyConnector();
  const dns = fakeLookup(DNS);
  proxy = createProxy({ allowFeed: allowFeed(), lookup: dns.lookup, connect: connector.connect });
  proxies.push(proxy);
  seams = { targets: connector.targets, asked: dns.asked };
}

async function refusal(url: string, status = 403): Promise<string> {
  const response = await proxy(proxyRequest(url));
  assert.equal(response.status, status, url);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return ((await response.json()) as { error: string }).error;
}

const upstreamOnly = () => assert.deepEqual(new Set(seams.targets), new Set([`127.0.0.1:${port}`]));

describe('the proxy never connects to a local or special address', () => {
  test('refuses every literal form of one, before DNS and before any socket', async () => {
    freshProxy();
    const cases: [url: string, message: RegExp][] = [
      [
        'http://169.254.169.254/latest/meta-data/',
        /169\.254\.169\.254 is a link-local address \(169\.254\.0\.0\/16, where cloud metadata/,
      ],
      ['http://10.0.0.1/feed.json', /10\.0\.0\.1 is a private address \(10\.0\.0\.0\/8\)/],
      ['http://192.168.1.1/feed.json', /192\.168\.1\.1 is a private address \(192\.168\.0\.0\/16\)/],
      ['http://172.16.0.1/feed.json', /172\.16\.0\.1 is a private address \(172\.16\.0\.0\/12\)/],
      ['http://100.64.0.1/feed.json', /100\.64\.0\.1 is a carrier-grade NAT address/],
      ['http://127.0.0.1/feed.json', /127\.0\.0\.1 is a loopback address/],
      [`http://127.0.0.1:${Number(port) === 1 ? 2 : 1}/feed.json`, /127\.0\.0\.1 is a loopback address/],
      ['http://[::1]/feed.json', /\[::1\] is a loopback address \(::1\)/],
      ['http://0.0.0.0/feed.json', /0\.0\.0\.0 is an address of "this network"/],
      ['http://[::]/feed.json', /\[::\] is the unspecified address/],
      [
        'http://[::ffff:127.0.0.1]/feed.json',
        /\[::ffff:7f00:1\] is the IPv4-mapped form of 127\.0\.0\.1, a loopback address/,
      ],
      ['http://[::ffff:7f00:1]/feed.json', /\[::ffff:7f00:1\] is the IPv4-mapped form of 127\.0\.0\.1/],
      ['http://[::ffff:a9fe:a9fe]/feed.json', /IPv4-mapped form of 169\.254\.169\.254, a link-local address/],
      ['http://[64:ff9b::a00:1]/feed.json', /the NAT64 form of 10\.0\.0\.1, a private address/],
      ['http://2130706433/feed.json', /127\.0\.0\.1 is a loopback address/],
      ['http://0177.0.0.1/feed.json', /127\.0\.0\.1 is a loopback address/],
      ['http://0x7f.1/feed.json', /127\.0\.0\.1 is a loopback address/],
      ['http://127.1/feed.json', /127\.0\.0\.1 is a loopback address/],
      ['http://0xa9fea9fe/feed.json', /169\.254\.169\.254 is a link-local address/],
      ['http://[fe80::1]/feed.json', /\[fe80::1\] is a link-local address \(fe80::\/10\)/],
      ['http://[fc00::1]/feed.json', /\[fc00::1\] is a unique-local address/],
      ['http://224.0.0.1/feed.json', /224\.0\.0\.1 is a multicast address/],
      ['http://[ff02::1]/feed.json', /\[ff02::1\] is a multicast address/],
      ['http://255.255.255.255/feed.json', /255\.255\.255\.255 is the broadcast address/],
    ];
    for (const [url, message] of cases) {
      const error = await refusal(url);
      assert.match(error, message, url);
      assert.match(error, /the proxy does not connect there/);
    }
    assert.deepEqual(seams.asked, []);
    assert.deepEqual(seams.targets, []);
  });

  test('refuses a public host that allowFeed does not list, without resolving it', async () => {
    freshProxy();
    const error = await refusal('https://feeds.example/feed.json');
    assert.match(error, /Cannot proxy https:\/\/feeds\.example\/feed\.json: it is not in this proxy's allowFeed list/);
    assert.deepEqual(seams.asked, []);
    assert.deepEqual(seams.targets, []);
  });

  test('refuses an allowed host name that resolves to a link-local address, after DNS, before any socket', async () => {
    freshProxy();
    const cases: [host: string, message: RegExp][] = [
      [
        'metadata.test',
        /metadata\.test resolves to 169\.254\.169\.254, which is a link-local address \(169\.254\.0\.0\/16, where cloud metadata services answer\); the proxy does not connect there$/,
      ],
      ['mixed.test', /mixed\.test resolves to 169\.254\.169\.254, which is a link-local address/],
    ];
    for (const [host, message] of cases) {
      assert.match(await refusal(`http://${host}/feed.json`), message, host);
    }
    assert.deepEqual(
      seams.asked,
      cases.map(([host]) => host),
    );
    assert.deepEqual(seams.targets, []);
  });

  test('connects an allowed public host by the address it checked, never by the name', async () => {
    freshProxy();
    // The test connector refuses every socket but 127.0.0.1, so this request goes nowhere.
    const error = await refusal('https://public.test/feed.json', 502);
    assert.match(error, /https:\/\/public\.test\/feed\.json could not be reached/);
    assert.deepEqual(seams.asked, ['public.test']);
    assert.deepEqual(seams.targets, ['93.184.216.34:']);
  });

  test('reaches a feed on this machine when allowFeed names its origin, by address or by name', async () => {
    freshProxy();
    for (const url of [
      `http://localhost:${port}/feed.json`,
      `${upstream.origin}/feed.json`,
      `http://loopback.test:${port}/feed.json`,
    ]) {
      const response = await proxy(proxyRequest(url));
      assert.equal(response.status, 200, url);
      assert.equal(await response.text(), jsonFeed('v1'));
    }
    assert.deepEqual(seams.asked, ['localhost', 'loopback.test']);
    // localhost: ::1 (refused by the test connector, as by a server on IPv4 only), then 127.0.0.1.
    assert.deepEqual(seams.targets, [`::1:${port}`, `127.0.0.1:${port}`, `127.0.0.1:${port}`, `127.0.0.1:${port}`]);
  });

  test('connects a named host name to the private or loopback address it resolves to', async () => {
    freshProxy();
    // The test connector opens no socket but 127.0.0.1's: each is a 502 after the attempt.
    for (const host of ['private.test', 'mapped.test', 'v6-loopback.test']) {
      assert.match(await refusal(`http://${host}/feed.json`, 502), /could not be reached/, host);
    }
    assert.deepEqual(seams.targets, ['10.1.2.3:', '::ffff:127.0.0.1:', '::1:']);
  });

  test('refuses the same names where allowFeed does not name that origin, without resolving them', async () => {
    freshProxy();
    for (const url of [
      `http://vm:${port}/feed.json`,
      `http://loopback.test:${Number(port) === 1 ? 2 : 1}/feed.json`,
      `https://loopback.test:${port}/feed.json`,
    ]) {
      assert.match(await refusal(url), /it is not in this proxy's allowFeed list/, url);
    }
    assert.deepEqual(seams.asked, []);
    assert.deepEqual(seams.targets, []);
  });
});

describe('every redirect is checked like the first request', () => {
  const via = (to: string, status = 302) =>
    `${upstream.origin}/redirect${status === 302 ? '' : status}?to=${encodeURIComponent(to)}`;

  test('refuses a redirect to the cloud metadata address, by literal and by name', async () => {
    freshProxy();
    assert.match(
      await refusal(via('http://169.254.169.254/latest/meta-data/')),
      /\/redirect\?to=\S+ redirects to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: 169\.254\.169\.254 is a link-local address/,
    );
    assert.match(
      await refusal(via('http://metadata.test/latest/meta-data/', 307)),
      /metadata\.test resolves to 169\.254\.169\.254/,
    );
    assert.deepEqual(seams.asked, ['metadata.test']);
    upstreamOnly();
  });

  test('refuses a redirect to a local name allowFeed does not name, to the same machine under another origin, and to a host not allowed', async () => {
    freshProxy();
    assert.match(
      await refusal(via(`http://vm:${port}/feed.json`, 301)),
      /redirects to http:\/\/vm:\d+\/feed\.json: it is not in this proxy's allowFeed list/,
    );
    assert.match(
      await refusal(via(`http://[::ffff:7f00:1]:${port}/feed.json`, 308)),
      /redirects to http:\/\/\[::ffff:7f00:1\]:\d+\/feed\.json: \[::ffff:7f00:1\] is the IPv4-mapped form of 127\.0\.0\.1/,
    );
    assert.match(
      await refusal(via('https://feeds.example/feed.json')),
      /redirects to https:\/\/feeds\.example\/feed\.json: it is not in this proxy's allowFeed list/,
    );
    assert.deepEqual(seams.asked, []);
    upstreamOnly();
  });

  test('refuses a redirect to another scheme or without a Location with 502', async () => {
    freshProxy();
    assert.match(
      await refusal(via('file:///etc/passwd'), 502),
      /redirects to file:\/\/\/etc\/passwd: only http and https feeds are proxied/,
    );
    assert.match(await refusal(via('http://user:secret@private.test/'), 502), /user name or password are refused/);
    assert.match(await refusal(`${upstream.origin}/redirect`, 502), /answered 302 without a Location to follow/);
    assert.deepEqual(seams.asked, []);
    upstreamOnly();
  });
});

describe('with the system resolver (no DNS seam)', () => {
  /** A proxy that resolves names as the server does; the connection seam still records every socket. */
  function resolvingProxy(allowFeed: string[]) {
    const connector = loopbackOnlyConnector();
    const resolving = createProxy({ allowFeed, connect: connector.connect });
    proxies.push(resolving);
    return { proxy: resolving, targets: connector.targets };
  }

  test('localhost, which the OS resolves to loopback, is refused where allowFeed does not name it', async () => {
    const { proxy: resolving, targets } = resolvingProxy([`${upstream.origin}/*`]);
    const direct = await resolving(proxyRequest(`http://localhost:${port}/feed.json`));
    assert.equal(direct.status, 403);
    assert.match(((await direct.json()) as { error: string }).error, /not in this proxy's allowFeed list/);
    const redirected = await resolving(
      proxyRequest(`${upstream.origin}/redirect?to=${encodeURIComponent(`http://localhost:${port}/feed.json`)}`),
    );
    assert.equal(redirected.status, 403);
    assert.match(
      ((await redirected.json()) as { error: string }).error,
      /redirects to http:\/\/localhost:\d+\/feed\.json/,
    );
    assert.deepEqual(targets, [`127.0.0.1:${port}`], 'only the named upstream, for the redirect');
  });

  test('named, localhost is fetched at the loopback addresses the OS resolves it to', async () => {
    const { proxy: resolving, targets } = resolvingProxy([`http://localhost:${port}/*`]);
    const response = await resolving(proxyRequest(`http://localhost:${port}/feed.json`));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), jsonFeed('v1'));
    assert.ok(targets.length > 0);
    for (const target of targets) assert.ok([`127.0.0.1:${port}`, `::1:${port}`].includes(target), target);
  });
});
