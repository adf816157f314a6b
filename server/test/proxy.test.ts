import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProxy, type ProxyHandler, type ProxyOptions } from '../src/proxy/index.js';
import { fakeLookup, loopbackOnlyConnector, proxyRequest } from './support/proxy-seams.js';
import { jsonFeed, rss, startUpstream, type Upstream } from './support/proxy-upstream.js';

let upstream: Upstream;
const proxies: ProxyHandler[] = [];

/** A proxy allowed to fetch anything on the test upstream, connecting only to 127.0.0.1. */
function proxyFor(options: Partial<ProxyOptions> = {}) {
  const seam = loopbackOnlyConnector();
  const proxy = createProxy({
    allowFeed: [`${upstream.origin}/*`],
    lookup: fakeLookup({}).lookup,
    connect: seam.connect,
    ...options,
  });
  proxies.push(proxy);
  return { proxy, targets: seam.targets };
}

async function errorOf(response: Response): Promise<string> {
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await response.json()) as { error: string };
  assert.equal(typeof body.error, 'string');
  return body.error;
}

before(async () => {
  upstream = await startUpstream();
});

after(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await upstream.close();
});

describe('GET /api/proxy?url= on an allowed feed', () => {
  test('passes the feed on with its type and the headers that keep it inert', async () => {
    const { proxy, targets } = proxyFor();
    const response = await proxy(proxyRequest(`${upstream.origin}/feed.json`));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), jsonFeed('v1'));
    assert.equal(response.headers.get('content-type'), 'application/feed+json');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
    assert.match(response.headers.get('etag') ?? '', /^"[\w-]+"$/);
    assert.deepEqual(targets, [`127.0.0.1:${new URL(upstream.origin).port}`]);
  });

  test('works with its default DNS and connector (the feed named by address, so nothing is resolved)', async () => {
    const proxy = createProxy({ allowFeed: [`${upstream.origin}/feed.json`] });
    proxies.push(proxy);
    const response = await proxy(proxyRequest(`${upstream.origin}/feed.json`));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), jsonFeed('v1'));
  });

  test('passes RSS and Atom on with the upstream content type', async () => {
    const { proxy } = proxyFor();
    const feedRss = await proxy(proxyRequest(`${upstream.origin}/rss.xml`));
    assert.equal(feedRss.status, 200);
    assert.equal(feedRss.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
    assert.equal(await feedRss.text(), rss);
    const atom = await proxy(proxyRequest(`${upstream.origin}/atom.xml`));
    assert.equal(atom.headers.get('content-type'), 'application/atom+xml');
  });

  test('serves a JSON feed sent as text/plain (as GitHub raw files are) as application/json', async () => {
    const { proxy } = proxyFor();
    const response = await proxy(proxyRequest(`${upstream.origin}/raw.json`));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(await response.text(), jsonFeed('raw'));
  });

  test('serves RSS mislabelled text/html as XML, never as text/html', async () => {
    const { proxy } = proxyFor();
    const response = await proxy(proxyRequest(`${upstream.origin}/rss-as-html`));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/xml');
  });

  test('refuses an HTML page, plain text and an image with 502 saying what they are', async () => {
    const { proxy } = proxyFor();
    const cases: [string, RegExp][] = [
      ['/page.html', /page\.html is an HTML page, not a feed/],
      ['/notes.txt', /notes\.txt is plain text, not a feed/],
      ['/image.png', /image\.png is image\/png, not a feed/],
    ];
    for (const [path, message] of cases) {
      const response = await proxy(proxyRequest(`${upstream.origin}${path}`));
      assert.equal(response.status, 502, path);
      assert.match(await errorOf(response), message);
      assert.doesNotMatch(response.headers.get('content-type') ?? '', /html/);
    }
  });

  test('keeps 404 and 410 so the widget says "not found", and maps other failures to 502 with the status', async () => {
    const { proxy } = proxyFor();
    const missing = await proxy(proxyRequest(`${upstream.origin}/missing`));
    assert.equal(missing.status, 404);
    assert.match(await errorOf(missing), /\/missing answered 404 Not Found: check the feed URL/);
    assert.equal((await proxy(proxyRequest(`${upstream.origin}/gone`))).status, 410);
    const broken = await proxy(proxyRequest(`${upstream.origin}/broken`));
    assert.equal(broken.status, 502);
    const error = await errorOf(broken);
    assert.match(error, /\/broken answered 500 Internal Server Error, not a feed/);
    assert.doesNotMatch(error, /secrets/);
    const busy = await proxy(proxyRequest(`${upstream.origin}/busy`));
    assert.equal(busy.status, 502);
    assert.equal(busy.headers.get('retry-after'), '30');
    assert.equal(busy.headers.get('cache-control'), 'no-store');
  });

  test('sends its own User-Agent and no cookie upstream, and passes no cookie back', async () => {
    const { proxy } = proxyFor();
    const response = await proxy(
      proxyRequest(`${upstream.origin}/cookie.json`, {
        headers: { cookie: 'reader=secret', authorization: 'Bearer x' },
      }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('set-cookie'), null);
    const [seen] = upstream.requests('/cookie.json');
    assert.equal(seen.cookie, undefined);
    assert.equal(seen.authorization, undefined);
    assert.match(seen['user-agent'] ?? '', /^feedlets-server \(\+https:\/\/\S+\)$/);
  });

  test('cuts a body off past maxBytes (5 MB by default): 502, and the upstream download is aborted', async () => {
    const { proxy } = proxyFor();
    const dropped = upstream.dropped('/huge');
    const response = await proxy(proxyRequest(`${upstream.origin}/huge`));
    assert.equal(response.status, 502);
    assert.match(await errorOf(response), /\/huge is larger than 5 MB, the most the proxy passes on/);
    await dropped;
    const declared = await proxy(proxyRequest(`${upstream.origin}/huge-declared`));
    assert.equal(declared.status, 502);
    assert.match(await errorOf(declared), /larger than 5 MB/);
  });

  test('gives up on an upstream that never answers after 10 s: 504, and the connection is dropped', async (t) => {
    // The clock is mocked, and moved on only once the request is at the upstream: no waiting, no race.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { proxy } = proxyFor();
    const dropped = upstream.dropped('/slow');
    const arrived = upstream.arrived('/slow');
    const answer = proxy(proxyRequest(`${upstream.origin}/slow`));
    await arrived;
    t.mock.timers.tick(10_000);
    const response = await answer;
    assert.equal(response.status, 504);
    assert.match(await errorOf(response), /\/slow did not answer within 10 s/);
    await dropped;
  });

  test('follows redirects on allowed URLs, at most 5', async () => {
    const { proxy } = proxyFor();
    const ok = await proxy(proxyRequest(`${upstream.origin}/hops/4`));
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), jsonFeed('v1'));
    const tooMany = await proxy(proxyRequest(`${upstream.origin}/hops/5`));
    assert.equal(tooMany.status, 502);
    assert.match(await errorOf(tooMany), /\/hops\/5 redirected more than 5 times/);
  });

  test('answers HEAD without a body and other methods with 405', async () => {
    const { proxy } = proxyFor();
    const head = await proxy(proxyRequest(`${upstream.origin}/feed.json`, { method: 'HEAD' }));
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await proxy(proxyRequest(`${upstream.origin}/feed.json`, { method: 'POST', body: 'x' }));
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });
});

describe('GET /api/proxy with a bad url', () => {
  test('400 for a missing, relative or non-http URL, or one with credentials', async () => {
    const { proxy, targets } = proxyFor();
    const missing = await proxy(new Request('http://feedlets.test/api/proxy'));
    assert.equal(missing.status, 400);
    assert.match(await errorOf(missing), /Add \?url= with the address of the feed/);
    const cases: [string, RegExp][] = [
      ['feed.json', /"feed\.json": not an absolute URL/],
      ['ftp://127.0.0.1/feed.json', /only http and https feeds are proxied/],
      ['file:///etc/passwd', /only http and https feeds are proxied/],
      ['javascript:alert(1)', /only http and https feeds are proxied/],
      [`http://user:pass@${new URL(upstream.origin).host}/feed.json`, /user name or password/],
    ];
    for (const [url, message] of cases) {
      const response = await proxy(proxyRequest(url));
      assert.equal(response.status, 400, url);
      assert.match(await errorOf(response), message);
    }
    assert.deepEqual(targets, []);
  });

  test('createProxy refuses an allowFeed entry or a number it cannot use, naming the fix', () => {
    assert.throws(
      () => createProxy({ allowFeed: ['example.com/feed.json'] }),
      /"example\.com\/feed\.json" is not an absolute URL/,
    );
    assert.throws(() => createProxy({ allowFeed: ['https://*.example.com/*'] }), /wildcard hosts are not supported/);
    assert.throws(() => createProxy({ allowFeed: ['ftp://example.com/*'] }), /must be an http or https URL/);
    assert.throws(
      () => createProxy({ allowFeed: [], ttlSeconds: -1 }),
      /ttlSeconds must be a number of at least 0, not -1/,
    );
    assert.throws(
      () => createProxy({ allowFeed: [], timeoutMs: Number.NaN }),
      /timeoutMs must be a number of at least 1, not NaN/,
    );
  });
});
