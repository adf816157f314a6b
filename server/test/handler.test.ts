// The handler is a plain fetch function: it answers Request objects with no Node server at all,
// which is what Deno.serve, Bun.serve and edge platforms call. Two handlers on one database act as
// two instances behind a load balancer.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createHandler } from '../src/handler.js';
import { libsql } from './support/databases.js';
import { ADMIN_TOKEN, ARTICLE, SITE, review } from './support/http.js';

const database = await libsql.fresh();
after(() => database.drop());

const options = { store: database.store, sites: [SITE], adminToken: ADMIN_TOKEN, moderation: 'post' as const };

const postTo = (
  handler: ReturnType<typeof createHandler>,
  body: unknown,
  headers: Record<string, string> = {},
  address = '192.0.2.1',
) =>
  handler(
    new Request('https://reviews.example/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE, ...headers },
      body: JSON.stringify(body),
    }),
    { address },
  );

test('createHandler answers Request objects without a server, and two instances share one database', async () => {
  const first = createHandler(options);
  const second = createHandler(options);
  const sent = review();

  const created = await postTo(first, sent);
  assert.equal(created.status, 201);
  assert.deepEqual((await created.json()).status, 'published');
  const duplicate = await postTo(second, sent);
  assert.equal(duplicate.status, 409, 'the other instance knows the id');

  const feed = await second(
    new Request(`https://reviews.example/api/reviews.json?item=${encodeURIComponent(ARTICLE)}`),
  );
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /^application\/feed\+json/);
  const body = await feed.json();
  assert.deepEqual(
    body.items.map((item: { id: string }) => item.id),
    [sent.id],
  );
  assert.deepEqual(body._reviews, { average: 4, count: 1 });

  const health = await first(new Request('https://reviews.example/healthz'));
  assert.equal(health.status, 200);
  assert.equal(await health.text(), 'ok');
});

test('the rate limit is kept in the database: instances share one bucket per client', async () => {
  const limited = { ...options, rateLimit: { perMinute: 2, perDay: 50 }, clock: () => 1_000_000 };
  const instances = [createHandler(limited), createHandler(limited), createHandler(limited)];
  const statuses = [];
  for (const handler of instances) statuses.push((await postTo(handler, review())).status);
  assert.deepEqual(statuses, [201, 201, 429]);
  const refused = await postTo(instances[0]!, review());
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), '30', 'one token comes back every 30 s at 2 a minute');
});

test('X-Forwarded-For names the client only with trustProxy; otherwise the socket address counts', async () => {
  const limit = { perMinute: 1, perDay: 50 };
  const direct = createHandler({ ...options, rateLimit: limit, clock: () => 2_000_000 });
  assert.equal((await postTo(direct, review(), { 'x-forwarded-for': '198.51.100.1' }, '192.0.2.50')).status, 201);
  const spoofed = await postTo(direct, review(), { 'x-forwarded-for': '198.51.100.2' }, '192.0.2.50');
  assert.equal(spoofed.status, 429, 'a made-up header does not buy a new bucket');

  const proxied = createHandler({ ...options, rateLimit: limit, trustProxy: true, clock: () => 2_000_000 });
  const via = (client: string) =>
    postTo(proxied, review(), { 'x-forwarded-for': `203.0.113.9, ${client}` }, '127.0.0.1');
  assert.equal((await via('198.51.100.10')).status, 201);
  assert.equal((await via('198.51.100.11')).status, 201, 'another client behind the proxy');
  assert.equal((await via('198.51.100.10')).status, 429, 'the same client again');
});

test('a bad option is refused with the fix in the message', () => {
  assert.throws(() => createHandler({ ...options, sites: [] }), /at least one site/);
  assert.throws(() => createHandler({ ...options, sites: ['not a url'] }), /is not a URL/);
  assert.throws(() => createHandler({ ...options, adminToken: 'short' }), /openssl rand/);
});

test('the proxy route answers other methods than GET and HEAD with 405 and Allow, on or off', async () => {
  const seen: string[] = [];
  const proxy = async (request: Request) => {
    seen.push(request.method);
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  for (const handler of [createHandler(options), createHandler({ ...options, proxy })]) {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const answer = await handler(new Request('https://reviews.example/api/proxy?url=x', { method }));
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.get('allow'), 'GET, HEAD');
      assert.match(((await answer.json()) as { error: string }).error, new RegExp(`not ${method}`));
    }
  }
  const on = createHandler({ ...options, proxy });
  assert.equal((await on(new Request('https://reviews.example/api/proxy?url=x'))).status, 200);
  assert.equal((await on(new Request('https://reviews.example/api/proxy?url=x', { method: 'HEAD' }))).status, 200);
  assert.deepEqual(seen, ['GET', 'HEAD']);
});
