// The reviews contract over real HTTP on 127.0.0.1, on every database: what <news-reviews> and a
// hostile client get back, and that nothing refused is stored.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { NodeServer } from '../src/node.js';
import { backends, type TestDatabase } from './support/databases.js';
import { ADMIN_TOKEN, ARTICLE, SITE, getJson, post, review, startServer } from './support/http.js';

for (const backend of backends) {
  describe(`reviews on ${backend.name}`, { skip: backend.skip }, () => {
    let database: TestDatabase;
    let server: NodeServer;
    before(async () => {
      database = await backend.fresh();
      server = await startServer({ store: database.store, itemIds: ['tag:news.example,2023-12-21:karabakh'] });
    });
    after(async () => {
      await server?.close();
      await database?.drop();
    });

    const count = async () => (await database.store.list({ limit: 100 })).reviews.length;

    test('a valid review is stored once: 201 pending, then 409 for the same id', async () => {
      const sent = review();
      const created = await post(server.url, sent);
      assert.equal(created.status, 201, created.text);
      assert.equal(created.json?.status, 'pending');
      const again = await post(server.url, sent);
      assert.equal(again.status, 409);
      assert.equal(again.json?.error, 'This review was already received.');
      const stored = await database.store.get(sent.id);
      assert.equal(stored?.status, 'pending');
      assert.equal(stored?.text, sent.text);
      assert.equal(stored?.name, 'Aysel');
    });

    test('an id the site listed is accepted as the item', async () => {
      const created = await post(server.url, review({ item: 'tag:news.example,2023-12-21:karabakh' }));
      assert.equal(created.status, 201, created.text);
    });

    test('50 concurrent posts of one id store one row', async () => {
      const sent = review();
      const answers = await Promise.all(Array.from({ length: 50 }, () => post(server.url, sent)));
      const statuses = answers.map((answer) => answer.status).sort();
      assert.deepEqual(statuses, [201, ...Array<number>(49).fill(409)]);
      const { reviews } = await database.store.list({ limit: 100 });
      assert.equal(reviews.filter((one) => one.id === sent.id).length, 1);
    });

    const refusals: [string, () => Promise<{ status: number; json?: Record<string, unknown> }>, number, RegExp][] = [
      ['invalid JSON', () => post(server.url, '{"id": '), 400, /not valid JSON/],
      ['a JSON array', () => post(server.url, '[1, 2]'), 400, /JSON object/],
      ['a rating given as text', () => post(server.url, review({ rating: '4' })), 400, /rating from 1 to 5/],
      ['text given as a number', () => post(server.url, review({ text: 42 })), 400, /few words/],
      ['a 17 KB body', () => post(server.url, review({ text: 'x'.repeat(17 * 1024) })), 413, /larger than 16 KB/],
      ['rating 0', () => post(server.url, review({ rating: 0 })), 400, /at least 1 star/],
      ['rating 6', () => post(server.url, review({ rating: 6 })), 400, /at most 5 stars/],
      ['rating 2.5', () => post(server.url, review({ rating: 2.5 })), 400, /whole number/],
      [
        '5,001 characters of text',
        () => post(server.url, review({ text: 'y'.repeat(5001) })),
        400,
        /longer than 5,000 characters/,
      ],
      ['blank text', () => post(server.url, review({ text: '   ' })), 400, /few words/],
      ['no id', () => post(server.url, { ...review(), id: undefined }), 400, /valid id/],
      ['an id that is not a UUID', () => post(server.url, review({ id: 'not-a-uuid' })), 400, /valid id/],
      ['no item', () => post(server.url, { ...review(), item: undefined }), 400, /which article/],
      [
        'an item on another site',
        () => post(server.url, review({ item: 'https://elsewhere.example/news/42' })),
        400,
        /not on this site/,
      ],
      [
        'an item id the site did not list',
        () => post(server.url, review({ item: 'tag:other' })),
        400,
        /not on this site/,
      ],
      ['a name of 101 characters', () => post(server.url, review({ name: 'n'.repeat(101) })), 400, /name is longer/],
      ['a NUL in the text', () => post(server.url, review({ text: 'a\u0000b' })), 400, /review contains a control/],
      ['a NUL in the name', () => post(server.url, review({ name: 'a\u0000b' })), 400, /name contains a control/],
      [
        'a NUL in the item',
        () => post(server.url, review({ item: `${ARTICLE}\u0000` })),
        400,
        /address contains a control/,
      ],
      ['an escape in the text', () => post(server.url, review({ text: 'red \u001b[31m' })), 400, /control/],
      ['a line break in the name', () => post(server.url, review({ name: 'Ay\nsel' })), 400, /name contains a control/],
      [
        'an item URL with a user and password',
        () => post(server.url, review({ item: 'https://reader:secret@news.example/news/42' })),
        400,
        /user name or password/,
      ],
      ['no Origin', () => post(server.url, review(), { origin: '' }), 403, /only from the pages of this site/],
      [
        'a foreign Origin',
        () => post(server.url, review(), { origin: 'https://evil.example' }),
        403,
        /only from the pages of this site/,
      ],
      [
        'a form post',
        () => post(server.url, 'rating=5', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        /as JSON/,
      ],
      [
        'text/plain',
        () => post(server.url, JSON.stringify(review()), { 'content-type': 'text/plain' }),
        415,
        /as JSON/,
      ],
    ];
    for (const [what, send, status, message] of refusals) {
      test(`${what} is refused with ${status} and a message, and nothing is stored`, async () => {
        const before = await count();
        const answer = await send();
        assert.equal(answer.status, status);
        assert.match(String(answer.json?.error), message);
        assert.equal(await count(), before);
      });
    }

    test('line breaks and tabs in the text are kept', async () => {
      const sent = review({ text: 'First line\n\tindented\r\nlast' });
      assert.equal((await post(server.url, sent)).status, 201);
      assert.equal((await database.store.get(sent.id))?.text, sent.text);
    });

    test('an id is one review in either case: stored in lower case, a second post in the other case is 409', async () => {
      const sent = review({ id: randomUUID().toUpperCase() });
      const created = await post(server.url, sent);
      assert.equal(created.status, 201, created.text);
      const again = await post(server.url, { ...sent, id: sent.id.toLowerCase() });
      assert.equal(again.status, 409);
      assert.equal((await database.store.get(sent.id.toLowerCase()))?.id, sent.id.toLowerCase());
      assert.equal(await database.store.get(sent.id), undefined, 'no row under the upper-case spelling');
    });

    test('an item URL is stored in its canonical form: lower-case scheme and host, no default port', async () => {
      const sent = review({ item: 'HTTPS://NEWS.EXAMPLE:443/news/42' });
      assert.equal((await post(server.url, sent)).status, 201);
      assert.equal((await database.store.get(sent.id))?.item, ARTICLE);
    });

    /** POSTs `text` chunked (no Content-Length), in pieces of 1 KB, as a streaming client would. */
    async function postChunked(text: string) {
      const bytes = new TextEncoder().encode(text);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 1024) controller.enqueue(bytes.subarray(at, at + 1024));
          controller.close();
        },
      });
      const response = await fetch(`${server.url}/api/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: SITE },
        body,
        duplex: 'half',
      } as RequestInit);
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    }

    test('a chunked body (no Content-Length) under 16 KB is read and stored', async () => {
      const sent = review({ text: 'z'.repeat(4000) });
      const answer = await postChunked(JSON.stringify(sent));
      assert.equal(answer.status, 201, JSON.stringify(answer.json));
      assert.equal((await database.store.get(sent.id))?.text, sent.text);
    });

    test('a chunked body over 16 KB is refused with 413 as it arrives, and nothing is stored', async () => {
      const before = await count();
      const sent = review({ text: 'x'.repeat(17 * 1024) });
      const answer = await postChunked(JSON.stringify(sent));
      assert.equal(answer.status, 413);
      assert.match(String(answer.json.error), /larger than 16 KB/);
      assert.equal(await database.store.get(sent.id), undefined);
      assert.equal(await count(), before);
    });

    test('the honeypot: a filled "website" field gets a 201 and nothing is stored', async () => {
      const before = await count();
      const sent = review({ website: 'https://spam.example' });
      const answer = await post(server.url, sent);
      assert.equal(answer.status, 201);
      assert.equal(await database.store.get(sent.id), undefined);
      assert.equal(await count(), before);
    });

    test('SQL and markup are stored verbatim', async () => {
      const text = `'); DROP TABLE reviews; -- <script>alert(1)</script> <img src=x onerror=alert(2)> "quoted" \\ ${'\u202e'}`;
      const sent = review({ text, name: "Robert'); DELETE FROM reviews;--" });
      assert.equal((await post(server.url, sent)).status, 201);
      const stored = await database.store.get(sent.id);
      assert.equal(stored?.text, text.trim());
      assert.equal(stored?.name, "Robert'); DELETE FROM reviews;--");
    });

    test('CORS: the preflight is answered for the site and not for others', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}/api/reviews`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const ours = await preflight(SITE);
      assert.equal(ours.headers.get('access-control-allow-origin'), SITE);
      assert.match(ours.headers.get('access-control-allow-headers') ?? '', /content-type/i);
      const theirs = await preflight('https://evil.example');
      assert.equal(theirs.headers.get('access-control-allow-origin'), null);
      const feed = await fetch(`${server.url}/api/reviews.json`, { headers: { origin: 'https://evil.example' } });
      assert.equal(feed.headers.get('access-control-allow-origin'), null);
    });
  });

  describe(`the reviews feed on ${backend.name}`, { skip: backend.skip }, () => {
    let database: TestDatabase;
    let server: NodeServer;
    let clock = Date.parse('2026-01-01T00:00:00Z');
    before(async () => {
      database = await backend.fresh();
      server = await startServer({ store: database.store, moderation: 'post', clock: () => clock });
    });
    after(async () => {
      await server?.close();
      await database?.drop();
    });

    const feedOf = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/api/reviews.json${query}`, { headers: { origin: SITE, ...headers } });
      return { response, body: response.status === 200 ? await response.json() : undefined };
    };

    test('post moderation publishes at once; the feed lists only published reviews, newest first, with the aggregate', async () => {
      const ratings = [5, 4, 2, 5, 3];
      const sent = [];
      for (const rating of ratings) {
        const one = review({ rating, text: `Rated ${rating}` });
        const answer = await post(server.url, one);
        assert.equal(answer.json?.status, 'published');
        sent.push(one);
      }
      await database.store.setStatus(sent[4]!.id, 'rejected');
      const other = review({ item: `${SITE}/news/7`, rating: 1 });
      await post(server.url, other);

      const { response, body } = await feedOf(`?item=${encodeURIComponent(ARTICLE)}`);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(response.headers.get('access-control-allow-origin'), SITE);
      assert.equal(body.version, 'https://jsonfeed.org/version/1.1');
      assert.deepEqual(body._reviews, { average: 4, count: 4 });
      assert.deepEqual(
        body.items.map((item: { id: string }) => item.id),
        sent
          .slice(0, 4)
          .map((one) => one.id)
          .reverse(),
      );
      const [newest] = body.items;
      assert.deepEqual(newest._review, { rating: 5, item: ARTICLE });
      assert.equal(newest.content_text, 'Rated 5');
      assert.deepEqual(newest.authors, [{ name: 'Aysel' }]);

      const all = await feedOf('');
      assert.equal(all.body._reviews.count, 5, 'without item: every published review of the site');
    });

    test('paging with next_url reaches every review once; the aggregate covers all pages', async () => {
      const first = await feedOf(`?item=${encodeURIComponent(ARTICLE)}&limit=3`);
      assert.equal(first.body.items.length, 3);
      assert.equal(first.body._reviews.count, 4);
      assert.ok(first.body.next_url);
      const next = new URL(first.body.next_url);
      assert.equal(next.origin, server.url);
      const second = await feedOf(next.search);
      assert.equal(second.body.items.length, 1);
      assert.equal(second.body.next_url, undefined);
      const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
      assert.equal(new Set(ids).size, 4);
      const broken = await fetch(`${server.url}/api/reviews.json?after=garbage`);
      assert.equal(broken.status, 400);
    });

    test('?item= finds the article by any spelling of its address, as reviews are stored under one', async () => {
      const canonical = await feedOf(`?item=${encodeURIComponent(ARTICLE)}`);
      const spelled = await feedOf(`?item=${encodeURIComponent('HTTPS://News.Example:443/news/42')}`);
      assert.ok(canonical.body._reviews.count > 0);
      assert.deepEqual(spelled.body._reviews, canonical.body._reviews);
      assert.deepEqual(spelled.body.items, canonical.body.items);
    });

    const query = `?item=${encodeURIComponent(ARTICLE)}&limit=1`;

    test('without trustProxy, X-Forwarded-Proto and -Host do not change the links', async () => {
      const { body } = await feedOf(query, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'news.example' });
      assert.equal(body.feed_url, `${server.url}/api/reviews.json${query}`);
      assert.equal(new URL(body.next_url).origin, server.url);
    });

    test('with trustProxy, the links name the scheme and host the proxy says the reader used', async () => {
      const proxied = await startServer({ store: database.store, moderation: 'post', trustProxy: true });
      try {
        // What the nginx example in the README sends: the public Host, and the scheme.
        const nginx = await getJson(`${proxied.url}/api/reviews.json${query}`, {
          host: 'news.example',
          'x-forwarded-proto': 'https',
        });
        assert.equal(nginx.feed_url, `https://news.example/api/reviews.json${query}`);
        assert.match(nginx.next_url, /^https:\/\/news\.example\/api\/reviews\.json\?.*after=/);

        // X-Forwarded-Host, port and all; of values a chain of proxies appended to, the first.
        const chained = await getJson(`${proxied.url}/api/reviews.json${query}`, {
          'x-forwarded-proto': 'https, http',
          'x-forwarded-host': 'Reviews.Example:8443, 127.0.0.1:8787',
        });
        assert.equal(chained.feed_url, `https://reviews.example:8443/api/reviews.json${query}`);

        // Values that are not a scheme or a host are ignored: the request's own stay.
        for (const [proto, host] of [
          ['ftp', 'news.example/evil'],
          ['javascript', 'news.example:99999'],
          ['https:', 'user@news.example'],
        ]) {
          const bad = await getJson(`${proxied.url}/api/reviews.json${query}`, {
            'x-forwarded-proto': proto!,
            'x-forwarded-host': host!,
          });
          assert.equal(bad.feed_url, `${proxied.url}/api/reviews.json${query}`, `${proto} ${host}`);
        }
      } finally {
        await proxied.close();
      }
    });

    test('ETag: 304 while nothing changed, a new ETag once a review is published or removed', async () => {
      const query = `?item=${encodeURIComponent(ARTICLE)}`;
      const { response } = await feedOf(query);
      const etag = response.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]+"$/);
      const unchanged = await feedOf(query, { 'if-none-match': etag! });
      assert.equal(unchanged.response.status, 304);
      assert.equal(unchanged.response.headers.get('etag'), etag);

      clock += 1000;
      const added = review({ rating: 1 });
      await post(server.url, added);
      const changed = await feedOf(query, { 'if-none-match': etag! });
      assert.equal(changed.response.status, 200);
      const etag2 = changed.response.headers.get('etag');
      assert.notEqual(etag2, etag);

      await database.store.delete(added.id);
      const removed = await feedOf(query, { 'if-none-match': etag2! });
      assert.equal(removed.response.status, 200);
    });

    test("ETag: publishing, each moderation action and a delete move the article's and the site-wide tag, and no other", async () => {
      const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const act = (id: string, action: string) =>
        fetch(`${server.url}/api/admin/reviews/${id}/${action}`, { method: 'POST', headers: bearer });
      const queries = [`?item=${encodeURIComponent(ARTICLE)}`, '', `?item=${encodeURIComponent(`${SITE}/news/7`)}`];
      const tags = () => Promise.all(queries.map(async (query) => (await feedOf(query)).response.headers.get('etag')!));
      const target = review({ rating: 3 });
      let seen = await tags();
      const articleTags = [seen[0]];
      const steps: [string, () => Promise<{ status: number }>][] = [
        ['published on post', () => post(server.url, target)],
        ['rejected', () => act(target.id, 'reject')],
        ['approved again', () => act(target.id, 'approve')],
        ['deleted', () => act(target.id, 'delete')],
      ];
      for (const [what, step] of steps) {
        assert.ok((await step()).status < 300, what);
        const now = await tags();
        assert.notEqual(now[0], seen[0], `${what}: the article's tag`);
        assert.notEqual(now[1], seen[1], `${what}: the site-wide tag`);
        assert.equal(now[2], seen[2], `${what}: another article's tag`);
        const stale = await feedOf(queries[0]!, { 'if-none-match': seen[0]! });
        assert.equal(stale.response.status, 200, `${what}: the old tag gets the new feed`);
        articleTags.push(now[0]);
        seen = now;
      }
      // Back to the same count and average (before and after the delete, or after reject and approve): still a new tag.
      assert.equal(new Set(articleTags).size, articleTags.length);

      // A review nobody sees (pending), stored and deleted, changes no listing.
      const hidden = review();
      await database.store.add({ ...hidden, name: '', status: 'pending' });
      assert.deepEqual(await tags(), seen);
      assert.ok((await act(hidden.id, 'delete')).ok);
      assert.deepEqual(await tags(), seen);
    });
  });
}
