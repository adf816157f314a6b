/**
 * One suite, run against every database a ReviewStore supports: the embedded file (libSQL) and
 * PostgreSQL (a throwaway cluster, or the one FEEDLETS_TEST_PG names). Nothing is mocked.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Sqlite from 'libsql';
import pg from 'pg';
import { InvalidCursorError } from '../src/store/index.js';
import { LibsqlStore } from '../src/store/libsql.js';
import { PostgresStore } from '../src/store/postgres.js';
import { LIBSQL_MIGRATIONS } from '../src/store/libsql-migrations.js';
import { POSTGRES_MIGRATIONS } from '../src/store/postgres-migrations.js';
import type { NewReview, ReviewStatus, ReviewStore } from '../src/store/types.js';
import { postgresSkip, startPostgres } from './support/postgres.js';

/** One empty database and the ways to look at it. */
interface Database {
  /** A new store object on this database (not opened). */
  store(): ReviewStore;
  /** The versions in the migrations table, read with a plain client. */
  migrations(): Promise<number[]>;
  /** Runs statements with a plain client, outside any store. */
  exec(statements: readonly string[]): Promise<void>;
  /** The dialect's migrations, to build an old schema by hand. */
  steps: readonly { version: number; name: string; statements: string[] }[];
  drop(): Promise<void>;
}

interface Backend {
  name: string;
  skip: string | false;
  fresh(): Promise<Database>;
}

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'feedlets-store-'));
  folders.push(folder);
  return folder;
}

const backends: Backend[] = [
  {
    name: 'LibsqlStore (a local file)',
    skip: false,
    async fresh() {
      const file = join(tempFolder(), 'feedlets.db');
      return {
        store: () => new LibsqlStore(file),
        async migrations() {
          const db = new Sqlite(file);
          try {
            return (
              db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
            ).map((row) => row.version);
          } finally {
            db.close();
          }
        },
        async exec(statements) {
          const db = new Sqlite(file);
          try {
            for (const sql of statements) db.exec(sql);
          } finally {
            db.close();
          }
        },
        steps: LIBSQL_MIGRATIONS,
        async drop() {},
      };
    },
  },
  {
    name: 'PostgresStore',
    skip: postgresSkip(),
    async fresh() {
      const database = await startPostgres();
      return {
        store: () => new PostgresStore(database.url),
        async migrations() {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          try {
            return (
              await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
            ).rows.map((row) => row.version);
          } finally {
            await client.end();
          }
        },
        async exec(statements) {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          try {
            for (const sql of statements) await client.query(sql);
          } finally {
            await client.end();
          }
        },
        steps: POSTGRES_MIGRATIONS,
        drop: () => database.stop(),
      };
    },
  },
];

const ARTICLE = 'https://site.example/articles/1';

function review(overrides: Partial<NewReview> = {}): NewReview {
  return {
    id: randomUUID(),
    item: ARTICLE,
    rating: 4,
    text: 'Clear and useful.',
    name: 'Ada',
    status: 'published',
    ...overrides,
  };
}

/** Opens a store on a fresh database for one test, and closes and drops both after it. */
async function withStore(
  backend: Backend,
  use: (store: ReviewStore, database: Database) => Promise<void>,
): Promise<void> {
  const database = await backend.fresh();
  const store = database.store();
  try {
    await store.open();
    await use(store, database);
  } finally {
    await store.close();
    await database.drop();
  }
}

for (const backend of backends) {
  describe(backend.name, { skip: backend.skip }, () => {
    test('add stores a review once; a second add of its id answers false and changes nothing', () =>
      withStore(backend, async (store) => {
        const first = review({ createdAt: '2026-01-02T03:04:05.678Z' });
        assert.equal(await store.add(first), true);
        assert.equal(await store.add({ ...first, text: 'changed', rating: 1 }), false);
        const stored = await store.get(first.id);
        assert.deepEqual(stored, { ...first, createdAt: '2026-01-02T03:04:05.678Z', updatedAt: stored?.updatedAt });
        assert.match(stored!.updatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.equal(await store.get(randomUUID()), undefined);
      }));

    test('50 concurrent adds of one id store one row, and exactly one of them answers true', () =>
      withStore(backend, async (store) => {
        const one = review();
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.add({ ...one, text: `copy ${i}` })),
        );
        assert.equal(answers.filter(Boolean).length, 1);
        const { reviews } = await store.list();
        assert.equal(reviews.length, 1);
        assert.equal(reviews[0]!.id, one.id);
      }));

    test('concurrent adds commit together, and a review the database refuses fails alone', () =>
      withStore(backend, async (store, database) => {
        // A rule only the database knows, so the store's own checks let the review through.
        await database.exec(
          database.steps === POSTGRES_MIGRATIONS
            ? [
                `CREATE FUNCTION refuse_review() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
                `CREATE TRIGGER refuse BEFORE INSERT ON reviews FOR EACH ROW WHEN (NEW.text = 'refuse me') EXECUTE FUNCTION refuse_review()`,
              ]
            : [
                `CREATE TRIGGER refuse BEFORE INSERT ON reviews WHEN NEW.text = 'refuse me' BEGIN SELECT RAISE(ABORT, 'refused'); END`,
              ],
        );
        const good = Array.from({ length: 30 }, () => review());
        const bad = review({ text: 'refuse me' });
        const answers = await Promise.allSettled(
          [...good.slice(0, 15), bad, ...good.slice(15)].map((one) => store.add(one)),
        );
        assert.equal(answers[15]!.status, 'rejected');
        assert.deepEqual(
          answers.filter((_, i) => i !== 15).map((answer) => answer.status === 'fulfilled' && answer.value),
          good.map(() => true),
        );
        assert.equal((await store.list({ limit: 100 })).reviews.length, good.length);
        assert.equal(await store.get(bad.id), undefined);
      }));

    test('list filters by item and status, newest first, and paging covers every review exactly once', () =>
      withStore(backend, async (store) => {
        const other = 'https://site.example/articles/2';
        const made: NewReview[] = [];
        for (let i = 0; i < 13; i++) {
          // Four share each timestamp, so the order within one relies on the id.
          const at = new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 4))).toISOString();
          const status: ReviewStatus = i % 3 === 0 ? 'pending' : 'published';
          made.push(review({ item: i % 5 === 4 ? other : ARTICLE, status, createdAt: at }));
        }
        // Added in shuffled order: the listing's order must come from the data, not from insertion.
        for (const r of [...made].sort((a, b) => a.id.localeCompare(b.id))) assert.equal(await store.add(r), true);

        const newestFirst = (rs: NewReview[]) =>
          rs
            .map((r) => [r.createdAt!, r.id] as const)
            .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1))
            .map(([, id]) => id);

        const cases: [Parameters<ReviewStore['list']>[0], NewReview[]][] = [
          [{}, made],
          [{ item: ARTICLE }, made.filter((r) => r.item === ARTICLE)],
          [
            { item: ARTICLE, status: ['published'] },
            made.filter((r) => r.item === ARTICLE && r.status === 'published'),
          ],
          [{ status: ['pending'] }, made.filter((r) => r.status === 'pending')],
          [{ status: ['pending', 'published'] }, made],
          [{ status: ['rejected'] }, []],
          [{ item: 'https://site.example/none' }, []],
        ];
        for (const [query, expected] of cases) {
          for (const limit of [1, 3, 50]) {
            const seen: string[] = [];
            let after: string | undefined;
            let pages = 0;
            do {
              const page = await store.list({ ...query, limit, after });
              assert.ok(page.reviews.length <= limit);
              seen.push(...page.reviews.map((r) => r.id));
              after = page.next;
              pages++;
              assert.ok(pages <= 20, 'paging does not end');
            } while (after);
            assert.deepEqual(seen, newestFirst(expected), `${JSON.stringify(query)} by ${limit}`);
            // The last page says so: no cursor pointing at an empty page.
            assert.equal(
              pages,
              Math.max(1, Math.ceil(expected.length / limit)),
              `${JSON.stringify(query)} pages by ${limit}`,
            );
          }
        }
      }));

    test('a cursor the store did not make is refused with InvalidCursorError', () =>
      withStore(backend, async (store) => {
        for (const after of [
          'nonsense',
          'eyJ4IjoxfQ',
          Buffer.from('["not a date","x"]').toString('base64url'),
          "'; DROP TABLE reviews; --",
        ]) {
          await assert.rejects(store.list({ after }), InvalidCursorError);
        }
      }));

    test('summary averages the published reviews, rounded to one decimal, per article or over all', () =>
      withStore(backend, async (store) => {
        assert.deepEqual(await store.summary(ARTICLE), { count: 0, average: 0, version: 0 });
        for (const rating of [5, 4, 4]) await store.add(review({ rating }));
        await store.add(review({ rating: 1, status: 'pending' }));
        await store.add(review({ rating: 1, status: 'rejected' }));
        await store.add(review({ rating: 2, item: 'https://site.example/other' }));
        const article = await store.summary(ARTICLE);
        assert.equal(article.count, 3);
        assert.equal(article.average, 4.3); // 13 / 3
        const all = await store.summary();
        assert.equal(all.count, 4);
        assert.equal(all.average, 3.8); // 15 / 4 = 3.75, half rounds up
        assert.ok(all.lastChange && all.lastChange >= article.lastChange!);
      }));

    test("summaries asked at once, of several articles, are each the article's own, and see every add answered before", () =>
      withStore(backend, async (store) => {
        const other = 'https://site.example/other';
        await store.add(review({ rating: 5 }));
        await store.add(review({ rating: 1, item: other }));
        await store.add(review({ rating: 2, item: other }));
        const asked = [ARTICLE, other, 'https://site.example/none', ARTICLE, other];
        const summaries = await Promise.all(asked.map((item) => store.summary(item)));
        assert.deepEqual(
          summaries.map(({ count, average }) => [count, average]),
          [
            [1, 5],
            [2, 1.5],
            [0, 0],
            [1, 5],
            [2, 1.5],
          ],
        );
        // Reads in flight while a review is added, then one asked after its add returned: that one counts it.
        const during = Promise.all(asked.map((item) => store.summary(item)));
        await store.add(review({ rating: 3 }));
        const afterAdd = await store.summary(ARTICLE);
        await during;
        assert.deepEqual([afterAdd.count, afterAdd.average], [2, 4]);
      }));

    test('setStatus and delete change what they name, answer false for a missing id, and move lastChange', () =>
      withStore(backend, async (store) => {
        const waiting = review({ status: 'pending' });
        await store.add(waiting);
        assert.deepEqual(await store.summary(ARTICLE), { count: 0, average: 0, version: 0 });
        assert.equal(await store.setStatus(randomUUID(), 'published'), false);
        assert.equal(await store.delete(randomUUID()), false);

        assert.equal(await store.setStatus(waiting.id, 'published'), true);
        const published = await store.get(waiting.id);
        assert.equal(published?.status, 'published');
        const summary = await store.summary(ARTICLE);
        assert.equal(summary.count, 1);
        assert.equal(summary.lastChange, published?.updatedAt);

        assert.equal(await store.setStatus(waiting.id, 'rejected'), true);
        assert.equal((await store.get(waiting.id))?.status, 'rejected');
        assert.equal((await store.summary(ARTICLE)).count, 0);

        assert.equal(await store.delete(waiting.id), true);
        assert.equal(await store.get(waiting.id), undefined);
        assert.equal(await store.delete(waiting.id), false);

        // Deleting a published review changes the summary, and so the listing's ETag.
        const [a, b] = [review({ rating: 5 }), review({ rating: 2 })];
        await store.add(a);
        await store.add(b);
        const before = await store.summary(ARTICLE);
        assert.equal(before.count, 2);
        assert.equal(before.average, 3.5);
        assert.equal(await store.delete(b.id), true);
        const after = await store.summary(ARTICLE);
        assert.deepEqual([after.count, after.average], [1, 5]);
        assert.ok(after.lastChange! >= before.lastChange!, `${after.lastChange} >= ${before.lastChange}`);
        assert.deepEqual([(await store.summary()).count, (await store.summary()).average], [1, 5]);
      }));

    test('version moves on every change to the published set, even one that leaves count, average and lastChange alone', () =>
      withStore(backend, async (store, database) => {
        const [kept, hidden] = [review({ rating: 4 }), review({ status: 'pending' })];
        await store.add(kept);
        await store.add(hidden);
        const first = await store.summary(ARTICLE);
        const all = await store.summary();
        // An edit made in the database: the feed shows other text, and nothing else in the totals moves.
        await database.exec([`UPDATE reviews SET text = 'edited' WHERE id = '${kept.id}'`]);
        const edited = await store.summary(ARTICLE);
        assert.deepEqual(
          [edited.count, edited.average, edited.lastChange],
          [first.count, first.average, first.lastChange],
        );
        assert.ok(edited.version > first.version, `${edited.version} > ${first.version}`);
        assert.ok((await store.summary()).version > all.version, 'the site-wide version moves with it');
        // Reviews nobody sees do not move it.
        await store.delete(hidden.id);
        assert.equal((await store.summary(ARTICLE)).version, edited.version);
        await store.delete(kept.id);
        assert.ok((await store.summary(ARTICLE)).version > edited.version);
      }));

    test('a database made by the first migration is upgraded, its totals counted from the reviews there', async () => {
      const database = await backend.fresh();
      const [first] = database.steps;
      const at = '2026-02-03T04:05:06.789Z';
      await database.exec([
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
        ...first!.statements,
        `INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'by hand', '${at}')`,
        ...[
          ['a', 5, 'published', ARTICLE],
          ['b', 2, 'published', ARTICLE],
          ['c', 1, 'pending', ARTICLE],
          ['d', 4, 'published', 'https://site.example/other'],
        ].map(
          ([id, rating, status, item]) =>
            `INSERT INTO reviews (id, item, rating, text, name, status, created_at, updated_at)
             VALUES ('${id}', '${item}', ${rating}, 'old', '', '${status}', '${at}', '${at}')`,
        ),
      ]);
      const store = database.store();
      try {
        await store.open();
        assert.deepEqual(
          await database.migrations(),
          database.steps.map((step) => step.version),
        );
        assert.deepEqual(await store.summary(ARTICLE), { count: 2, average: 3.5, lastChange: at, version: 0 });
        assert.deepEqual(await store.summary(), { count: 3, average: 3.7, lastChange: at, version: 0 });
        assert.equal(await store.setStatus('c', 'published'), true);
        assert.equal((await store.summary(ARTICLE)).count, 3);
      } finally {
        await store.close();
        await database.drop();
      }
    });

    test('SQL, quotes, unicode and emoji are stored and read back verbatim', () =>
      withStore(backend, async (store) => {
        const hostile = [
          "'); DROP TABLE reviews; --",
          'Robert"); DELETE FROM reviews WHERE ("1"="1',
          'It\'s "great" `really` \\ backslash % _ ?? $1 :name @x',
          'Ünïcödé 中文 العربية עברית \u200b\u202e reversed',
          '👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 \u{1F4A9}',
          '<script>alert(1)</script><img src=x onerror=alert(1)>',
          '\t\r\n line breaks \r\n',
        ];
        for (const text of hostile) {
          const r = review({ id: `${text}|${randomUUID()}`, item: `${ARTICLE}?q=${text}`, text, name: text });
          assert.equal(await store.add(r), true);
          const back = await store.get(r.id);
          assert.equal(back?.id, r.id);
          assert.equal(back?.item, r.item);
          assert.equal(back?.text, text);
          assert.equal(back?.name, text);
          assert.equal(await store.add(r), false);
          assert.equal((await store.list({ item: r.item })).reviews[0]?.text, text);
          assert.equal((await store.summary(r.item)).count, 1);
        }
        assert.equal((await store.list()).reviews.length, hostile.length);
      }));

    test('a review with a NUL character or an impossible rating is refused before the database', () =>
      withStore(backend, async (store) => {
        await assert.rejects(store.add(review({ text: 'a\0b' })), RangeError);
        for (const rating of [0, 6, 2.5, Number.NaN]) await assert.rejects(store.add(review({ rating })), RangeError);
        assert.equal((await store.list()).reviews.length, 0);
      }));

    test('take() spends a bucket token by token and says how long until the next one', () =>
      withStore(backend, async (store) => {
        const bucket = { key: 'minute:203.0.113.7', capacity: 2, perMs: 1 / 1000, now: 1_000_000 };
        assert.equal(await store.take(bucket), 0);
        assert.equal(await store.take(bucket), 0);
        assert.equal(await store.take(bucket), 1000);
        assert.equal(await store.take({ ...bucket, now: bucket.now + 400 }), 600);
        assert.equal(await store.take({ ...bucket, now: bucket.now + 1000 }), 0);
        assert.equal(await store.take({ ...bucket, key: 'minute:198.51.100.1' }), 0);
      }));

    test('take() given several buckets spends them in turn, stops at the first empty one and answers its wait', () =>
      withStore(backend, async (store) => {
        const at = (now: number) => [
          { key: 'post:minute:203.0.113.7', capacity: 2, perMs: 1 / 1000, now },
          { key: 'post:day:203.0.113.7', capacity: 3, perMs: 1 / 100_000, now },
        ];
        const start = 1_000_000;
        assert.equal(await store.take(at(start)), 0);
        assert.equal(await store.take(at(start)), 0);
        // The minute is empty: the day bucket is not touched, so a second later both give a token.
        assert.equal(await store.take(at(start)), 1000);
        assert.equal(await store.take(at(start + 1000)), 0);
        // Now the day is empty (0.02 tokens): its wait is answered, and the minute's token stays spent.
        const wait = await store.take(at(start + 2000));
        assert.ok(Math.abs(wait - 98_000) <= 1, String(wait));
        assert.equal(await store.take(at(start + 2000)[0]!), 1000);
      }));

    test('data outlives the store: a new store on the same database reads it', () =>
      withStore(backend, async (store, database) => {
        const kept = review();
        await store.add(kept);
        await store.close();
        const again = database.store();
        await again.open();
        try {
          assert.equal((await again.get(kept.id))?.text, kept.text);
        } finally {
          await again.close();
        }
        await store.open();
      }));

    test('migrations run once: opening again, or from two stores at once, applies nothing twice', () =>
      withStore(backend, async (store, database) => {
        const once = await database.migrations();
        assert.ok(once.length > 0);
        assert.deepEqual(
          once,
          [...once].sort((a, b) => a - b),
        );
        await store.close();
        await store.open();
        const a = database.store();
        const b = database.store();
        await Promise.all([a.open(), b.open()]);
        try {
          assert.deepEqual(await database.migrations(), once);
          assert.equal(await a.add(review({ id: 'shared' })), true);
          assert.equal(await b.add(review({ id: 'shared' })), false);
          await b.ping();
        } finally {
          await Promise.all([a.close(), b.close()]);
        }
      }));

    test('a fresh database opened by two stores at once is migrated once', async () => {
      const database = await backend.fresh();
      const stores = [database.store(), database.store(), database.store()];
      try {
        await Promise.all(stores.map((s) => s.open()));
        const versions = await database.migrations();
        assert.equal(new Set(versions).size, versions.length);
        assert.ok(versions.length > 0);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
        await database.drop();
      }
    });
  });
}

describe('LibsqlStore across processes', () => {
  const child = join(import.meta.dirname, 'support', 'store-child.ts');
  let folder: string;
  before(() => {
    folder = tempFolder();
  });

  test('four processes opening one new file at once migrate it once, and two adding one id store it once', async () => {
    const { spawn } = await import('node:child_process');
    const file = join(folder, 'shared.db');
    const [a, b] = [randomUUID(), randomUUID()];
    const runs = [a, b, a, b].map(
      (id) =>
        new Promise<string>((resolve, reject) => {
          const proc = spawn(process.execPath, ['--import', 'tsx', child, 'open-add', file, id], {
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          proc.stdout.on('data', (chunk: Buffer) => (out += chunk));
          proc.stderr.on('data', (chunk: Buffer) => (out += chunk));
          proc.on('error', reject);
          proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${out}`))));
        }),
    );
    const answers = await Promise.all(runs);
    // Each id: one process was told "added", the other "already there".
    assert.deepEqual([answers[0], answers[2]].sort(), ['false\n', 'true\n']);
    assert.deepEqual([answers[1], answers[3]].sort(), ['false\n', 'true\n']);
    const store = new LibsqlStore(file);
    await store.open();
    try {
      assert.deepEqual((await store.list()).reviews.map((r) => r.id).sort(), [a, b].sort());
    } finally {
      await store.close();
    }
    const db = new Sqlite(file);
    try {
      const versions = (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (row) => row.version,
      );
      assert.equal(new Set(versions).size, versions.length);
      assert.equal((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
    } finally {
      db.close();
    }
  });

  test('every review add() acknowledged is there after the writer is killed with SIGKILL', async () => {
    const { spawn } = await import('node:child_process');
    const file = join(folder, 'killed.db');
    const acknowledged: string[] = [];
    const proc = spawn(process.execPath, ['--import', 'tsx', child, 'add-loop', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
    let partial = '';
    await new Promise<void>((resolve) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop()!;
        acknowledged.push(...lines);
        // Killed mid-stream: it is adding the next review while the signal lands.
        if (acknowledged.length >= 200 && !proc.killed) {
          proc.kill('SIGKILL');
          resolve();
        }
      });
    });
    assert.equal(await exited, 'SIGKILL');
    const store = new LibsqlStore(file);
    await store.open();
    try {
      const missing: string[] = [];
      for (const id of acknowledged) if (!(await store.get(id))) missing.push(id);
      assert.deepEqual(missing, []);
    } finally {
      await store.close();
    }
  });
});
