import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createProxy, type ProxyHandler, type ProxyOptions } from '../src/proxy/index.js';
import { fakeLookup, loopbackOnlyConnector, proxyRequest } from './support/proxy-seams.js';
import { jsonFeed, startUpstream, type Upstream } from './support/proxy-upstream.js';

let upstream: Upstream;
const proxies: ProxyHandler[] = [];

/** A proxy on the test upstream with a clock the test moves by hand. */
function proxyWithClock(options: Partial<ProxyOptions> = {}) {
  const clock = { now: 1_000_000 };
  const proxy = createProxy({
    allowFeed: [`${upstream.origin}/*`],
    lookup: fakeLookup({}).lookup,
    connect: loopbackOnlyConnector().connect,
    now: () => clock.now,
    ...options,
  });
  proxies.push(proxy);
  return { proxy, clock };
}

const hits = (path = '/feed.json') => upstream.requests(path).length;

before(async () => {
  upstream = await startUpstream();
});

beforeEach(() => {
  upstream.feed.version = 'v1';
});

after(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await upstream.close();
});

describe('the proxy cache', () => {
  test('answers If-None-Match with its own ETag by 304, without asking upstream', async () => {
    const { proxy } = proxyWithClock();
    const url = `${upstream.origin}/feed.json?etag`;
    const first = await proxy(proxyRequest(url));
    const etag = first.headers.get('etag')!;
    assert.notEqual(etag, '"v1"', 'the proxy serves its own ETag, not the upstream one');
    const before = hits();
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await proxy(proxyRequest(url, { headers: { 'if-none-match': ifNoneMatch } }));
      assert.equal(again.status, 304, ifNoneMatch);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'public, max-age=60');
    }
    const changed = await proxy(proxyRequest(url, { headers: { 'if-none-match': '"other"' } }));
    assert.equal(changed.status, 200);
    assert.equal(await changed.text(), jsonFeed('v1'));
    assert.equal(hits(), before);
  });

  test('serves from memory for ttlSeconds, then revalidates upstream with its ETag and Last-Modified', async () => {
    const { proxy, clock } = proxyWithClock({ ttlSeconds: 30 });
    const url = `${upstream.origin}/feed.json?ttl`;
    const first = await proxy(proxyRequest(url));
    assert.equal(first.headers.get('cache-control'), 'public, max-age=30');
    const etag = first.headers.get('etag');
    const before = hits();

    clock.now += 29_999;
    assert.equal((await proxy(proxyRequest(url))).headers.get('etag'), etag);
    assert.equal(hits(), before, 'within the ttl, upstream is not asked');

    clock.now += 1;
    const revalidated = await proxy(proxyRequest(url));
    assert.equal(hits(), before + 1);
    const conditional = upstream.requests('/feed.json').at(-1)!;
    assert.equal(conditional['if-none-match'], '"v1"');
    assert.equal(conditional['if-modified-since'], 'Wed, 02 Dec 2026 10:00:00 GMT');
    assert.equal(revalidated.status, 200);
    assert.equal(revalidated.headers.get('etag'), etag, 'upstream said 304: same body, same ETag');
    assert.equal(await revalidated.text(), jsonFeed('v1'));

    clock.now += 29_999;
    await proxy(proxyRequest(url));
    assert.equal(hits(), before + 1, 'a 304 upstream starts a new ttl');
  });

  test('keeps both validators across a 304 that repeats only the ETag', async () => {
    // RFC 9110 asks a 304 for the ETag, not the Last-Modified: many hosts send only the first.
    upstream.route('/etag-only.json', (request, response) => {
      if (request.headers['if-none-match'] === '"e1"') response.writeHead(304, { etag: '"e1"' }).end();
      else
        response
          .writeHead(200, {
            etag: '"e1"',
            'last-modified': 'Thu, 03 Dec 2026 08:00:00 GMT',
            'content-type': 'application/feed+json',
          })
          .end(jsonFeed('e1'));
    });
    const { proxy, clock } = proxyWithClock({ ttlSeconds: 10 });
    const url = `${upstream.origin}/etag-only.json`;
    for (let fetches = 0; fetches < 3; fetches++) {
      assert.equal(await (await proxy(proxyRequest(url))).text(), jsonFeed('e1'));
      clock.now += 10_000;
    }
    const sent = upstream.requests('/etag-only.json').map((headers) => ({
      etag: headers['if-none-match'],
      since: headers['if-modified-since'],
    }));
    const both = { etag: '"e1"', since: 'Thu, 03 Dec 2026 08:00:00 GMT' };
    assert.deepEqual(sent, [{ etag: undefined, since: undefined }, both, both]);
  });

  test('a feed changed upstream is served with a new ETag after the ttl', async () => {
    const { proxy, clock } = proxyWithClock();
    const url = `${upstream.origin}/feed.json?changed`;
    const etag = (await proxy(proxyRequest(url))).headers.get('etag');
    upstream.feed.version = 'v2';
    assert.equal(await (await proxy(proxyRequest(url))).text(), jsonFeed('v1'), 'still within the ttl');
    clock.now += 60_000;
    const changed = await proxy(proxyRequest(url, { headers: { 'if-none-match': etag! } }));
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal(await changed.text(), jsonFeed('v2'));
  });

  test('concurrent requests for one feed share one upstream fetch', async () => {
    // Held until every request is in; after that (a second fetch would be the bug) answered at once.
    const waiting: ServerResponse[] = [];
    let released = false;
    const answer = (response: ServerResponse) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed('gated'));
    upstream.route('/gated.json', (_request, response) => (released ? answer(response) : void waiting.push(response)));
    const { proxy } = proxyWithClock();
    const arrived = upstream.arrived('/gated.json');
    const answers = Array.from({ length: 10 }, () => proxy(proxyRequest(`${upstream.origin}/gated.json`)));
    await arrived;
    released = true;
    waiting.forEach(answer);
    const responses = await Promise.all(answers);
    assert.deepEqual(
      responses.map((response) => response.status),
      Array(10).fill(200),
    );
    assert.deepEqual(
      await Promise.all(responses.map((response) => response.text())),
      Array(10).fill(jsonFeed('gated')),
    );
    assert.equal(hits('/gated.json'), 1);
  });

  test('failures are not cached: the next request asks upstream again', async () => {
    let calls = 0;
    upstream.route('/flaky.json', (_request, response) => {
      calls += 1;
      if (calls === 1) response.writeHead(500).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed('flaky'));
    });
    const { proxy } = proxyWithClock();
    assert.equal((await proxy(proxyRequest(`${upstream.origin}/flaky.json`))).status, 502);
    assert.equal((await proxy(proxyRequest(`${upstream.origin}/flaky.json`))).status, 200);
    assert.equal(hits('/flaky.json'), 2);
  });

  test('ttlSeconds 0 revalidates every request', async () => {
    const { proxy } = proxyWithClock({ ttlSeconds: 0 });
    const url = `${upstream.origin}/feed.json?ttl0`;
    const before = hits();
    const first = await proxy(proxyRequest(url));
    assert.equal(first.headers.get('cache-control'), 'public, max-age=0');
    await proxy(proxyRequest(url));
    assert.equal(hits(), before + 2);
    assert.equal(upstream.requests('/feed.json').at(-1)!['if-none-match'], '"v1"');
  });

  test('is bounded in entries: the least recently used feed is dropped first', async () => {
    const { proxy } = proxyWithClock({ cacheEntries: 2 });
    const url = (n: number) => `${upstream.origin}/feed.json?lru=${n}`;
    await proxy(proxyRequest(url(1)));
    await proxy(proxyRequest(url(2)));
    await proxy(proxyRequest(url(1))); // 1 is now the most recently used
    const before = hits();
    await proxy(proxyRequest(url(3))); // drops 2
    await proxy(proxyRequest(url(1)));
    assert.equal(hits(), before + 1, '1 stayed cached');
    await proxy(proxyRequest(url(2)));
    assert.equal(hits(), before + 2, '2 was dropped');
  });

  test('is bounded in bytes: a feed larger than the cache is served but not kept', async () => {
    const { proxy } = proxyWithClock({ cacheBytes: jsonFeed('v1').length - 1 });
    const url = `${upstream.origin}/feed.json?bytes`;
    const before = hits();
    assert.equal((await proxy(proxyRequest(url))).status, 200);
    assert.equal((await proxy(proxyRequest(url))).status, 200);
    assert.equal(hits(), before + 2);
  });
});
