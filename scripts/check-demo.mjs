// Hand-written because these steps are the test itself: Vite starts the demo server as `npm start`
// does, and fetch talks to it.
// Starts the demo server as `npm start` would and drives its review endpoint (feedlets-server's
// handler) as the review box does: post, post again, read back, send garbage, survive faults and a
// restart, and moderate through the admin API. Prints PASS or FAIL and exits non-zero on failure.
// The database goes to a scratch folder, not demo/data/.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const configFile = fileURLToPath(new URL('../vite.demo.config.ts', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'feedlets-demo-'));
process.env.FEEDLETS_DEMO_DATA = data;

const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${ok || !detail ? '' : `\n         ${detail}`}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function start() {
  const port = await freePort();
  const server = await createServer({
    configFile,
    logLevel: 'error',
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  return { server, base: `http://127.0.0.1:${port}` };
}

async function call(base, path, init = {}) {
  const response = await fetch(base + path, init);
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

// As the page does: browsers send the page's origin with a POST, and the server checks it.
const post = (base, body, path = '/api/reviews', origin = base) =>
  call(base, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const copiesOf = (feed, id) => (feed?.items ?? []).filter((item) => item.id === id).length;
const ARTICLE = 'tag:news.example,2023-12-21:karabakh';

let server;
try {
  console.log('Demo server');
  let base;
  ({ server, base } = await start());

  const page = await call(base, '/');
  check(
    'GET / serves the demo page',
    page.status === 200 && page.text.includes('<news-reviews'),
    `status ${page.status}`,
  );
  const news = await call(base, '/feeds/news.json');
  check(
    'GET /feeds/news.json serves the sample feed',
    news.status === 200 && news.json?.items?.length >= 20,
    `status ${news.status}`,
  );

  console.log('Reviews feed');
  const seeded = await call(base, '/api/reviews.json');
  check(
    'GET /api/reviews.json answers a JSON Feed',
    seeded.status === 200 && /^https:\/\/jsonfeed\.org\/version\/1/.test(seeded.json?.version ?? ''),
    `status ${seeded.status}: ${seeded.text.slice(0, 200)}`,
  );
  check(
    'the first start seeds a few reviews',
    seeded.json?.items?.length >= 3 && seeded.json.items.every((item) => item._review?.rating >= 1),
    seeded.text.slice(0, 200),
  );
  check(
    'it is served as application/feed+json',
    seeded.headers.get('content-type')?.startsWith('application/feed+json'),
    seeded.headers.get('content-type'),
  );

  console.log('Posting a review');
  const review = {
    id: randomUUID(),
    item: ARTICLE,
    rating: 4,
    text: 'Checked by scripts/check-demo.mjs.',
    name: 'Check script',
  };
  const first = await post(base, review);
  check('POST /api/reviews stores a valid review (201)', first.status === 201, `status ${first.status}: ${first.text}`);
  check(
    'the answer says it is published at once (moderation: post)',
    first.json?.status === 'published' && first.json?.id === review.id,
    first.text,
  );
  const again = await post(base, review);
  check(
    'the same id again is refused with 409',
    again.status === 409 && typeof again.json?.error === 'string',
    `status ${again.status}: ${again.text}`,
  );
  const feed = await call(base, '/api/reviews.json');
  const stored = feed.json?.items?.find((item) => item.id === review.id);
  check(
    'the reviews feed has it exactly once',
    copiesOf(feed.json, review.id) === 1,
    `copies: ${copiesOf(feed.json, review.id)}`,
  );
  check(
    'with its text, author and date',
    stored?.content_text === review.text &&
      stored?.authors?.[0]?.name === review.name &&
      !Number.isNaN(Date.parse(stored?.date_published)),
    JSON.stringify(stored),
  );
  const etag = feed.headers.get('etag');
  const unchanged = await call(base, '/api/reviews.json', { headers: { 'if-none-match': etag ?? '' } });
  check(
    'an unchanged feed answers 304 to its ETag',
    !!etag && unchanged.status === 304,
    `etag ${etag}, status ${unchanged.status}`,
  );

  console.log('Refusing bad input');
  const invalid = [
    ['a rating of 9', { ...review, id: randomUUID(), rating: 9 }],
    ['an id that is not a UUID', { ...review, id: 'not-a-uuid' }],
    ['empty text', { ...review, id: randomUUID(), text: '   ' }],
    ['no item', { id: randomUUID(), rating: 3, text: 'Fine.' }],
    ['text that is not JSON', '{"id": '],
  ];
  for (const [what, body] of invalid) {
    const answer = await post(base, body);
    check(
      `${what} gets 400 with an error`,
      answer.status === 400 && typeof answer.json?.error === 'string' && answer.json.error.length > 0,
      `status ${answer.status}: ${answer.text}`,
    );
  }
  const foreign = await post(base, { ...review, id: randomUUID() }, '/api/reviews', 'https://elsewhere.example');
  check(
    'a post from another origin gets 403 with an error',
    foreign.status === 403 && typeof foreign.json?.error === 'string',
    `status ${foreign.status}: ${foreign.text}`,
  );
  const form = await call(base, '/api/reviews', {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: base },
    body: 'hello',
  });
  check(
    'a body that is not sent as JSON gets 415 with an error',
    form.status === 415 && typeof form.json?.error === 'string',
    `status ${form.status}: ${form.text}`,
  );
  const huge = await post(base, { ...review, id: randomUUID(), text: 'x'.repeat(40_000) });
  check(
    'an oversized body gets 413 with an error',
    huge.status === 413 && typeof huge.json?.error === 'string',
    `status ${huge.status}: ${huge.text.slice(0, 200)}`,
  );
  const after = await call(base, '/api/reviews.json');
  check(
    'nothing invalid was stored',
    after.json?.items?.length === feed.json?.items?.length,
    `${feed.json?.items?.length} before, ${after.json?.items?.length} after`,
  );

  console.log('Faults (?faults=1): retrying with the same id until the server accepts');
  const flaky = { id: randomUUID(), item: ARTICLE, rating: 2, text: 'Sent through a flaky server.' };
  const statuses = [];
  for (let attempt = 0; attempt < 12 && !statuses.some((status) => status === 201 || status === 409); attempt++) {
    statuses.push((await post(base, flaky, '/api/reviews?faults=1')).status);
  }
  check(
    'the review is accepted in the end (201 or 409)',
    statuses.some((status) => status === 201 || status === 409),
    `statuses: ${statuses.join(', ')}`,
  );
  check(
    'every failure is a 5xx',
    statuses.every((status) => status === 201 || status === 409 || status >= 500),
    `statuses: ${statuses.join(', ')}`,
  );
  const afterFaults = await call(base, '/api/reviews.json');
  check(
    `it is stored exactly once (statuses: ${statuses.join(', ')})`,
    copiesOf(afterFaults.json, flaky.id) === 1,
    `copies: ${copiesOf(afterFaults.json, flaky.id)}`,
  );

  console.log('Moderation');
  const admin = await call(base, '/api/admin');
  check(
    'the admin page asks for the token (401)',
    admin.status === 401 && admin.text.includes('name="token"'),
    `status ${admin.status}`,
  );
  const token = readFileSync(join(data, 'admin-token'), 'utf8').trim();
  const bearer = { headers: { authorization: `Bearer ${token}` } };
  const listed = await call(base, '/api/admin/reviews?status=published', bearer);
  check(
    'the admin API lists the review with the printed token',
    listed.json?.reviews?.some((one) => one.id === review.id),
    `status ${listed.status}`,
  );
  const rejected = await call(base, `/api/admin/reviews/${review.id}/reject`, { method: 'POST', ...bearer });
  const hidden = await call(base, '/api/reviews.json');
  check(
    'a rejected review leaves the feed',
    rejected.json?.status === 'rejected' && copiesOf(hidden.json, review.id) === 0,
    rejected.text,
  );
  await call(base, `/api/admin/reviews/${review.id}/approve`, { method: 'POST', ...bearer });

  console.log('Restart');
  await server.close();
  ({ server, base } = await start());
  const restarted = await call(base, '/api/reviews.json');
  check(
    'the reviews survive a restart',
    copiesOf(restarted.json, review.id) === 1 && copiesOf(restarted.json, flaky.id) === 1,
    restarted.text.slice(0, 200),
  );
} catch (error) {
  check('the check ran to the end', false, error instanceof Error ? error.stack : String(error));
} finally {
  await server?.close();
  rmSync(data, { recursive: true, force: true });
}

const failed = results.filter((ok) => !ok).length;
console.log(`\n${failed ? 'FAIL' : 'PASS'}: ${results.length - failed} of ${results.length} checks passed`);
process.exit(failed ? 1 : 0);
