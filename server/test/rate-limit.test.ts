// The default rate limit (5 a minute, 50 a day per client address) over real HTTP on 127.0.0.1, on
// every database, with the handler's clock moved by hand: no test waits for time to pass.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NodeServer } from '../src/node.js';
import { parseRateLimit } from '../src/options.js';
import { backends, type TestDatabase } from './support/databases.js';
import { post, review, startServer } from './support/http.js';

const MINUTE = 60_000;

for (const backend of backends) {
  describe(`the default rate limit on ${backend.name}`, { skip: backend.skip }, () => {
    let database: TestDatabase;
    let server: NodeServer;
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const start = clock;
    before(async () => {
      database = await backend.fresh();
      // `rateLimit` left to the handler's default.
      server = await startServer({ store: database.store, rateLimit: undefined, clock: () => clock });
    });
    after(async () => {
      await server?.close();
      await database?.drop();
    });

    const sent: ReturnType<typeof review>[] = [];
    /** Posts `n` new reviews and answers their statuses. */
    const postNew = async (n: number) => {
      const statuses = [];
      for (let i = 0; i < n; i++) {
        const one = review({ text: `Review ${sent.length + 1}` });
        const answer = await post(server.url, one);
        if (answer.status === 201) sent.push(one);
        statuses.push(answer.status);
      }
      return statuses;
    };

    test('5 a minute: the sixth gets 429 with Retry-After, and a stored id sent again still gets 409', async () => {
      assert.deepEqual(await postNew(5), [201, 201, 201, 201, 201]);
      const refused = await post(server.url, review());
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '12', 'one post comes back every 12 s at 5 a minute');
      assert.equal(refused.headers.get('cache-control'), 'no-store');
      assert.match(String(refused.json?.error), /try again in 12 s/);

      // The reader whose 201 was lost sends the same review again: it is stored, so 409, not "wait".
      const again = await post(server.url, sent[0]);
      assert.equal(again.status, 409, again.text);
      assert.equal(again.json?.error, 'This review was already received.');
      const upper = await post(server.url, { ...sent[1], id: sent[1]!.id.toUpperCase() });
      assert.equal(upper.status, 409, 'in either case');

      clock += 12_000;
      assert.deepEqual(await postNew(2), [201, 429], 'one token came back in 12 s');
    });

    test('50 a day: with the minute bucket full again each minute, the 51st post of the day gets 429 until a day token returns', async () => {
      while (sent.length < 50) {
        clock += MINUTE;
        const statuses = await postNew(Math.min(5, 50 - sent.length));
        assert.ok(
          statuses.every((status) => status === 201),
          `post ${sent.length}: ${statuses}`,
        );
      }
      clock += MINUTE;
      const refused = await post(server.url, review());
      assert.equal(refused.status, 429, 'the minute bucket is full, the day bucket empty');
      // The day bucket gains a token every 86,400 / 50 = 1,728 s, counted from the first post; the
      // wait is rounded up, by a second more when floating point leaves a hair over a whole one.
      const exact = 1728 - (clock - start) / 1000;
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter === exact || retryAfter === exact + 1, `Retry-After ${retryAfter}, ${exact} s to go`);
      assert.ok(retryAfter > 60, 'longer than any minute bucket would ask');
      assert.equal((await post(server.url, sent[49])).status, 409, 'a stored id is still 409 at the day limit');

      const refusedAt = clock;
      clock = refusedAt + (exact - 1) * 1000;
      assert.equal((await post(server.url, review())).status, 429, 'a second early');
      clock = refusedAt + retryAfter * 1000;
      assert.deepEqual(await postNew(1), [201], 'once Retry-After has passed');
    });
  });
}

test('--rate-limit: a part left out keeps its default; 0/day turns one part off, 0 the whole limit', () => {
  assert.deepEqual(parseRateLimit('5/min,50/day'), { perMinute: 5, perDay: 50 });
  assert.deepEqual(parseRateLimit('10/min'), { perMinute: 10, perDay: 50 });
  assert.deepEqual(parseRateLimit('20/day'), { perMinute: 5, perDay: 20 });
  assert.deepEqual(parseRateLimit('3 / minute, 0/day'), { perMinute: 3, perDay: 0 });
  assert.equal(parseRateLimit('0'), 0);
  assert.throws(() => parseRateLimit('lots'), /not like 5\/min,50\/day/);
});
