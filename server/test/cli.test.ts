// The feedlets-server command as a site owner runs it: flags, environment, the printed snippet,
// the moderation subcommands on the same --db while the server runs, export/import, bad flags.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tempFolder } from './support/databases.js';
import { exited, runCli, startCli } from './support/cli.js';
import { ADMIN_TOKEN, SITE, getJson, post, review } from './support/http.js';
import { startUpstream } from './support/proxy-upstream.js';

describe('feedlets-server (the CLI)', () => {
  const folder = tempFolder();
  const db = join(folder, 'feedlets.db');
  let server: Awaited<ReturnType<typeof startCli>>;
  before(async () => {
    // Flags and environment together: the site and token from the environment, the rest as flags.
    server = await startCli(['--db', db, '--port', '0', '--host', '127.0.0.1', '--rate-limit', '0'], {
      FEEDLETS_SITE: `${SITE},https://other.example`,
      FEEDLETS_ADMIN_TOKEN: ADMIN_TOKEN,
    });
  });
  after(async () => {
    server?.child.kill('SIGTERM');
    if (server) await exited(server.child);
  });

  test('it prints the URLs it serves and the snippet to paste', () => {
    const output = server.output();
    assert.match(output, new RegExp(`POST ${server.url}/api/reviews`));
    assert.match(output, new RegExp(`${server.url}/api/admin`));
    // For an article page: the feed of that article's reviews, and the same article as the item posted to.
    const article = encodeURIComponent(`${SITE}/your-article`);
    assert.ok(
      output.includes(
        `<news-reviews src="${server.url}/api/reviews.json?item=${article}" action="${server.url}/api/reviews"\n` +
          `    item="${SITE}/your-article"></news-reviews>`,
      ),
      output,
    );
  });

  test('reviews list / approve / reject / delete act on the database the running server uses', async () => {
    const first = review({ text: 'First one' });
    const second = review({ text: 'Second one' });
    assert.equal((await post(server.url, first)).status, 201);
    assert.equal((await post(server.url, second, { origin: 'https://other.example' })).status, 201);

    const pending = await runCli(['reviews', 'list', '--pending', '--db', db]);
    assert.equal(pending.code, 0, pending.stderr);
    const lines = pending.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines.some((line) => line.startsWith(`${first.id}  pending`)));

    // An id typed in capitals names the same review: ids are stored lowercase.
    assert.equal((await runCli(['reviews', 'approve', first.id.toUpperCase(), '--db', db])).code, 0);
    assert.equal((await runCli(['reject', second.id], { FEEDLETS_DB: db })).code, 0);
    const feed = await (await fetch(`${server.url}/api/reviews.json`)).json();
    assert.deepEqual(
      feed.items.map((item: { id: string }) => item.id),
      [first.id],
      'the server sees the approval at once',
    );

    const all = await runCli(['reviews', 'list', '--db', db]);
    assert.match(all.stdout, new RegExp(`${second.id}  rejected`));
    assert.equal((await runCli(['reviews', 'list', '--pending', '--db', db])).stdout, '');

    assert.equal((await runCli(['reviews', 'delete', second.id, '--db', db])).code, 0);
    const missing = await runCli(['reviews', 'delete', second.id, '--db', db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No review has the id/);
  });

  test('export writes every review in any state; import into another database is idempotent by id', async () => {
    const waiting = review({ text: 'Still waiting', name: '' });
    await post(server.url, waiting);
    const exported = await runCli(['reviews', 'export', '--db', db]);
    assert.equal(exported.code, 0, exported.stderr);
    const feed = JSON.parse(exported.stdout);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    const states = Object.fromEntries(
      feed.items.map((item: { id: string; _review: { status: string } }) => [item.id, item._review.status]),
    );
    assert.equal(states[waiting.id], 'pending');
    assert.ok(Object.values(states).includes('published'));

    const file = join(folder, 'reviews.json');
    writeFileSync(file, exported.stdout);
    const copy = join(folder, 'copy.db');
    const once = await runCli(['reviews', 'import', file, '--db', copy]);
    assert.equal(once.code, 0, once.stderr);
    assert.match(once.stdout, new RegExp(`^${feed.items.length} added, 0 already there`));
    const twice = await runCli(['import', file, '--db', copy]);
    assert.match(twice.stdout, new RegExp(`^0 added, ${feed.items.length} already there`));

    // Every field comes back, the dates of the last moderation change included.
    const roundTrip = JSON.parse((await runCli(['reviews', 'export', '--db', copy])).stdout);
    assert.ok(
      feed.items.some(
        (item: { date_published: string; date_modified: string }) => item.date_modified > item.date_published,
      ),
    );
    assert.deepEqual(roundTrip.items, feed.items);
    assert.ok(readFileSync(file, 'utf8').length > 0);
  });

  test('import skips, with the reason, an item the store cannot keep, and imports the rest', async () => {
    const good = review();
    const file = join(folder, 'odd.json');
    const item = (id: string, name: string) => ({
      id,
      content_text: 'Imported',
      authors: [{ name }],
      _review: { rating: 3, item: good.item },
    });
    writeFileSync(file, JSON.stringify({ items: [item(review().id, 'Nul\u0000name'), item(good.id, 'Fine')] }));
    const result = await runCli(['reviews', 'import', file, '--db', join(folder, 'odd.db')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /skipped item 1: .*NUL/);
    assert.match(result.stdout, /^1 added, 0 already there, 1 not reviews/);
  });

  test('without --trust-proxy, X-Forwarded-Proto and -Host do not change the links', async () => {
    const forwarded = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'news.example',
    };
    const feed = await (await fetch(`${server.url}/api/reviews.json?limit=1`, { headers: forwarded })).json();
    assert.equal(feed.feed_url, `${server.url}/api/reviews.json?limit=1`);
  });

  test('bad flags exit with 2 and the usage', async () => {
    for (const args of [
      ['--port', 'eighty', '--db', db, '--site', SITE, '--admin-token', ADMIN_TOKEN],
      ['--rate-limit', 'lots', '--db', db, '--site', SITE, '--admin-token', ADMIN_TOKEN],
      ['--moderation', 'maybe', '--db', db, '--site', SITE, '--admin-token', ADMIN_TOKEN],
      ['--no-such-flag'],
      ['--db', db, '--admin-token', ADMIN_TOKEN],
      ['--db', db, '--site', SITE],
      ['--db', db, '--site', SITE, '--admin-token', 'short'],
      ['reviews', 'approve'],
      ['reviews', 'frobnicate'],
    ]) {
      const result = await runCli(args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^feedlets-server: .+\n\nUsage:/, args.join(' '));
    }
  });
});

describe('feedlets-server --trust-proxy (behind a reverse proxy)', () => {
  const folder = tempFolder();
  let server: Awaited<ReturnType<typeof startCli>>;
  before(async () => {
    server = await startCli(
      ['--db', join(folder, 'feedlets.db'), '--port', '0', '--host', '127.0.0.1', '--trust-proxy'],
      {
        FEEDLETS_SITE: SITE,
        FEEDLETS_ADMIN_TOKEN: ADMIN_TOKEN,
        FEEDLETS_RATE_LIMIT: '1/min',
        FEEDLETS_MODERATION: 'post',
      },
    );
  });
  after(async () => {
    server?.child.kill('SIGTERM');
    if (server) await exited(server.child);
  });

  test('the rate limit counts each address the proxy names in X-Forwarded-For', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.1, ${address}` });
    assert.equal((await post(server.url, review(), from('198.51.100.1'))).status, 201);
    assert.equal((await post(server.url, review(), from('198.51.100.2'))).status, 201, 'another reader');
    const again = await post(server.url, review(), from('198.51.100.1'));
    assert.equal(again.status, 429, 'the first reader again, within the minute');
    assert.ok(Number(again.headers.get('retry-after')) > 0);
  });

  test('the snippet it prints shows an article page the reviews of that article, the one it posts to', async () => {
    const snippet = /<news-reviews src="([^"]+)" action="([^"]+)"\s+item="([^"]+)"><\/news-reviews>/.exec(
      server.output(),
    );
    assert.ok(snippet, server.output());
    const [, src, action, item] = snippet;
    const here = review({ item, text: 'About this article' });
    const elsewhere = review({ item: `${SITE}/another-article`, text: 'About another' });
    for (const [sent, address] of [
      [here, '198.51.100.20'],
      [elsewhere, '198.51.100.21'],
    ] as const) {
      const answer = await post(new URL(action!).origin, sent, { 'x-forwarded-for': address });
      assert.equal(answer.status, 201, answer.text);
    }
    const feed = await (await fetch(src!)).json();
    assert.deepEqual(
      feed.items.map((one: { id: string }) => one.id),
      [here.id],
    );
    assert.equal(feed.items[0]._review.item, item);
  });

  test("the feed's links name the address the proxy says the reader used", async () => {
    const feed = await getJson(`${server.url}/api/reviews.json?limit=1`, {
      host: 'news.example',
      'x-forwarded-proto': 'https',
    });
    assert.equal(feed.feed_url, 'https://news.example/api/reviews.json?limit=1');
    assert.match(feed.next_url ?? '', /^https:\/\/news\.example\/api\/reviews\.json\?limit=1&after=/);
  });
});

describe('feedlets-server --allow-feed (the feed proxy, as the CLI wires it)', () => {
  const folder = tempFolder();
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let server: Awaited<ReturnType<typeof startCli>>;
  before(async () => {
    upstream = await startUpstream();
    // The feed host is on this machine, so its origin is named exactly: loopback is allowed for it alone.
    server = await startCli([
      ...[
        '--db',
        join(folder, 'feedlets.db'),
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--site',
        SITE,
        '--admin-token',
        ADMIN_TOKEN,
      ],
      ...['--allow-feed', `${upstream.origin}/*`, '--proxy-ttl', '30'],
    ]);
  });
  after(async () => {
    server?.child.kill('SIGTERM');
    if (server) await exited(server.child);
    await upstream?.close();
  });

  test('serves an allowed feed to the site with CORS, and names the proxy in what it prints', async () => {
    assert.match(server.output(), new RegExp(`proxy +${server.url}/api/proxy\\?url=\\{url\\}`));
    const response = await fetch(`${server.url}/api/proxy?url=${encodeURIComponent(`${upstream.origin}/feed.json`)}`, {
      headers: { origin: SITE },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), SITE);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=30');
    assert.equal((await response.json()).version, 'https://jsonfeed.org/version/1.1');
  });

  test('refuses a feed it was not told about, and gives other origins no CORS', async () => {
    const response = await fetch(
      `${server.url}/api/proxy?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
      {
        headers: { origin: 'https://evil.example' },
      },
    );
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.match((await response.json()).error, /not|allow/i);
  });

  test('an --allow-feed that is not a URL is a usage error', async () => {
    const result = await runCli([
      '--db',
      join(folder, 'other.db'),
      '--site',
      SITE,
      '--admin-token',
      ADMIN_TOKEN,
      '--allow-feed',
      'feeds please',
    ]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /feeds please/);
  });
});
