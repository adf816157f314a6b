// The moderation page and API over real HTTP: who may see and act, CSRF, and hostile text shown inert.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NodeServer } from '../src/node.js';
import { libsql, type TestDatabase } from './support/databases.js';
import { ADMIN_TOKEN, post, review, startServer } from './support/http.js';

const XSS = '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">click</a>';
const SQL = "1'; DROP TABLE reviews; --";

describe('the admin page and API', () => {
  let database: TestDatabase;
  let server: NodeServer;
  let admin: string;
  let now = Date.now();
  before(async () => {
    database = await libsql.fresh();
    server = await startServer({ store: database.store, clock: () => now });
    admin = `${server.url}/api/admin`;
  });
  after(async () => {
    await server?.close();
    await database?.drop();
  });

  const signIn = async (token = ADMIN_TOKEN) =>
    fetch(`${admin}/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });

  /** Signs in and answers the session cookie (sent by hand: fetch keeps no cookies). */
  async function session() {
    const answer = await signIn();
    assert.equal(answer.status, 303);
    const cookie = answer.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /Secure/i);
    assert.match(cookie, /SameSite=Strict/i);
    return cookie.split(';')[0]!;
  }

  async function page(cookie: string) {
    const response = await fetch(admin, { headers: { cookie } });
    const html = await response.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    return { response, html, csrf };
  }

  test('without a session the page shows only the sign-in form (401), and a wrong token is refused', async () => {
    await post(server.url, review({ text: 'Hidden from strangers' }));
    const anonymous = await fetch(admin);
    assert.equal(anonymous.status, 401);
    const html = await anonymous.text();
    assert.match(html, /name="token"/);
    assert.doesNotMatch(html, /Hidden from strangers/);

    const wrong = await signIn('wrong-token-wrong-token');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);
    const forged = await fetch(admin, {
      headers: { cookie: 'feedlets_admin=99999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    assert.equal(forged.status, 401);
  });

  test('signed in, pending reviews are listed with hostile text shown inert', async () => {
    const hostile = review({ text: `${XSS} ${SQL}`, name: '<b>bold</b>' });
    assert.equal((await post(server.url, hostile)).status, 201);
    const { response, html } = await page(await session());
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.ok(!html.includes('<script>alert'), 'no script tag from the review');
    assert.ok(!html.includes('<img src=x'), 'no img tag from the review');
    assert.ok(!html.includes('<b>bold</b>'));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'the markup is shown as text');
    assert.ok(html.includes('1&#39;; DROP TABLE reviews; --'));
    assert.ok(html.includes(hostile.id));
  });

  test('Approve needs the CSRF token: missing or wrong is 403 and changes nothing; right publishes', async () => {
    const pending = review();
    await post(server.url, pending);
    const cookie = await session();
    const { csrf } = await page(cookie);
    assert.ok(csrf);
    const approve = (body: Record<string, string>, headers: Record<string, string> = { cookie }) =>
      fetch(`${admin}/reviews/${pending.id}/approve`, {
        method: 'POST',
        headers,
        body: new URLSearchParams(body),
        redirect: 'manual',
      });

    assert.equal((await approve({})).status, 403);
    assert.equal((await approve({ csrf: 'A'.repeat(43) })).status, 403);
    assert.equal((await approve({ csrf }, {})).status, 401, 'no cookie, no token');
    assert.equal((await database.store.get(pending.id))?.status, 'pending');

    const done = await approve({ csrf });
    assert.equal(done.status, 303);
    assert.equal((await database.store.get(pending.id))?.status, 'published');
  });

  test('a CSRF token of one session does not work for another', async () => {
    const one = await page(await session());
    now += 1000;
    const other = await session();
    const target = review();
    await post(server.url, target);
    const answer = await fetch(`${admin}/reviews/${target.id}/reject`, {
      method: 'POST',
      headers: { cookie: other },
      body: new URLSearchParams({ csrf: one.csrf! }),
    });
    assert.equal(answer.status, 403);
    assert.equal((await database.store.get(target.id))?.status, 'pending');
  });

  test('an expired session is signed out', async () => {
    const cookie = await session();
    now += 13 * 60 * 60 * 1000;
    assert.equal((await page(cookie)).response.status, 401);
  });

  test('the page and its actions take the Bearer token too; only cookie requests need the CSRF token', async () => {
    const target = review({ text: 'Seen by a script' });
    await post(server.url, target);
    const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const listed = await fetch(admin, { headers: bearer });
    assert.equal(listed.status, 200);
    const html = await listed.text();
    assert.match(html, /Seen by a script/);
    assert.ok(html.includes(target.id));
    assert.doesNotMatch(html, /name="token"/, 'not the sign-in form');
    assert.doesNotMatch(html, /name="csrf"/, 'no session, so no CSRF token to hand out');

    const cookie = await session();
    const refused = await fetch(admin, { headers: { authorization: 'Bearer wrong-token-wrong-token', cookie } });
    assert.equal(refused.status, 401, 'a wrong token is not rescued by a session');
    assert.doesNotMatch(await refused.text(), /Seen by a script/);

    const approve = (headers: Record<string, string>) =>
      fetch(`${admin}/reviews/${target.id}/approve`, { method: 'POST', headers, redirect: 'manual' });
    assert.equal((await approve({ cookie })).status, 403, 'a cookie without its CSRF token is refused');
    assert.equal((await approve({ authorization: 'Bearer wrong-token-wrong-token' })).status, 401);
    assert.equal((await database.store.get(target.id))?.status, 'pending');
    const done = await approve(bearer);
    assert.equal(done.status, 200);
    assert.deepEqual(await done.json(), { id: target.id, status: 'published' });
  });

  test('scripts use the Bearer token: list, approve, reject, delete; a wrong or missing token is 401', async () => {
    const target = review();
    await post(server.url, target);
    const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const listed = await fetch(`${admin}/reviews?status=pending`, { headers: bearer });
    assert.equal(listed.status, 200);
    const { reviews } = (await listed.json()) as { reviews: { id: string; status: string }[] };
    assert.ok(reviews.some((one) => one.id === target.id));
    assert.ok(reviews.every((one) => one.status === 'pending'));

    assert.equal((await fetch(`${admin}/reviews`)).status, 401);
    assert.equal(
      (await fetch(`${admin}/reviews`, { headers: { authorization: 'Bearer nope-nope-nope-nope' } })).status,
      401,
    );
    const act = (action: string, headers: Record<string, string> = bearer) =>
      fetch(`${admin}/reviews/${target.id}/${action}`, { method: 'POST', headers });
    assert.equal((await act('approve', { authorization: 'Bearer wrong' })).status, 401);
    assert.equal((await database.store.get(target.id))?.status, 'pending');

    const upper = await fetch(`${admin}/reviews/${target.id.toUpperCase()}/approve`, {
      method: 'POST',
      headers: bearer,
    });
    assert.deepEqual(
      await upper.json(),
      { id: target.id, status: 'published' },
      'the id in capitals is the same review',
    );
    assert.deepEqual(await (await act('reject')).json(), { id: target.id, status: 'rejected' });
    assert.deepEqual(await (await act('delete')).json(), { id: target.id, deleted: true });
    assert.equal(await database.store.get(target.id), undefined);
    assert.equal((await act('approve')).status, 404);
    assert.equal((await act('explode')).status, 404);
  });
});

describe('signing in', () => {
  let database: TestDatabase;
  let server: NodeServer;
  let now = 5_000_000;
  before(async () => {
    database = await libsql.fresh();
    server = await startServer({ store: database.store, clock: () => now });
  });
  after(async () => {
    await server?.close();
    await database?.drop();
  });

  const signIn = (token: string) =>
    fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      body: new URLSearchParams({ token }),
      redirect: 'manual',
    });

  test('allows 10 attempts a minute per address; then even the right token waits (429, Retry-After)', async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      assert.equal((await signIn(`guess-${attempt}-guess-guess`)).status, 401, `attempt ${attempt}`);
    }
    const limited = await signIn(ADMIN_TOKEN);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '6', 'one attempt comes back every 6 s');
    assert.equal(limited.headers.get('set-cookie'), null);
    assert.match(await limited.text(), /Too many attempts: try again in 6 s/);

    now += 6_000;
    const later = await signIn(ADMIN_TOKEN);
    assert.equal(later.status, 303);
    assert.match(later.headers.get('set-cookie') ?? '', /^feedlets_admin=/);
  });
});
