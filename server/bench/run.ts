/**
 * `npm run bench:server`: POST /api/reviews and conditional GET /api/reviews.json (If-None-Match,
 * 304) at 50 concurrent connections with autocannon, against a real server on 127.0.0.1, on the
 * embedded database and on PostgreSQL (a throwaway cluster, or FEEDLETS_TEST_PG's). Prints a table
 * and writes bench/results-server.json. BENCH_SECONDS sets each run's length (default 10); each run
 * follows BENCH_WARMUP_SECONDS (default 2) of the same load, not counted.
 * POSTs are stored pending (the default moderation), then all approved, and the GETs read that
 * article's feed. Targets (issue 12, on a 2-core machine): ≥500 stored reviews/s, ≥5,000 conditional GETs/s, p99 < 50 ms.
 */
// @ts-expect-error autocannon ships no types; the little this file uses is typed below.
import autocannonUntyped from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import Sqlite from 'libsql';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { postgresSkip, startPostgres } from '../test/support/postgres.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SITE = 'https://site.example';
const ITEM = `${SITE}/articles/bench`;
const CONNECTIONS = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
if (!Number.isInteger(seconds) || seconds < 1)
  throw new Error(`BENCH_SECONDS must be a whole number ≥ 1, not "${process.env.BENCH_SECONDS}"`);
// The first requests to a new server pay for the JIT and for opening PostgreSQL's pool; the figures are of a server that has run a while.
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
if (!Number.isInteger(warmup) || warmup < 0)
  throw new Error(`BENCH_WARMUP_SECONDS must be a whole number ≥ 0, not "${process.env.BENCH_WARMUP_SECONDS}"`);

interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  requests?: { method: string; headers: Record<string, string>; setupRequest: (request: object) => object }[];
  connections?: number;
  duration?: number;
}
interface LoadResult {
  requests: { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number };
  statusCodeStats?: Record<string, { count: number }>;
}
const autocannon = autocannonUntyped as (
  options: LoadOptions,
  done: (error: Error | null, result: LoadResult) => void,
) => void;

interface Measured {
  database: string;
  test: string;
  requests: number;
  perSecond: number;
  /** Answers with the status the test expects (201 or 304); the rest are listed in `statuses`. */
  expected: number;
  statuses: Record<string, number>;
  errors: number;
  p50: number;
  p99: number;
  /** Server CPU time per answered request: a figure the other processes on the machine change little. */
  serverCpuMsPerRequest: number;
  target: string;
  met: boolean;
}

/** CPU time the server process has used, in ms (Linux /proc): what a request costs, whatever else runs. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, fields 14 and 15 of stat(5), counted here from field 3.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

async function startServer(db: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'serve.ts'), db, SITE], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it listened`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs autocannon and notes the CPU time the server spent meanwhile. */
async function load(pid: number, options: LoadOptions): Promise<LoadResult & { serverCpuMs: number }> {
  const run = (duration: number) =>
    new Promise<LoadResult>((resolve, reject) => {
      autocannon({ connections: CONNECTIONS, duration, ...options }, (error, done) =>
        error ? reject(error) : resolve(done),
      );
    });
  if (warmup > 0) await run(warmup);
  const before = cpuMs(pid);
  const result = await run(seconds);
  return { ...result, serverCpuMs: cpuMs(pid) - before };
}

function measured(
  database: string,
  test: string,
  result: LoadResult & { serverCpuMs: number },
  expectedStatus: number,
  target: (perSecond: number, p99: number) => [string, boolean],
): Measured {
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  );
  const expected = statuses[String(expectedStatus)] ?? 0;
  const perSecond = Math.round(expected / (result.duration || seconds));
  const [text, met] = target(perSecond, result.latency.p99);
  return {
    database,
    test,
    requests: result.requests.total,
    perSecond,
    expected,
    statuses,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverCpuMsPerRequest: Math.round((result.serverCpuMs / Math.max(1, result.requests.total)) * 100) / 100,
    target: text,
    met,
  };
}

async function publishAll(db: string): Promise<void> {
  const sql = "UPDATE reviews SET status = 'published', updated_at = $1 WHERE status = 'pending'";
  const at = new Date().toISOString();
  if (db.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    await client.query(sql, [at]).finally(() => client.end());
  } else {
    const file = new Sqlite(db, { timeout: 5000 });
    try {
      file.prepare(sql.replace('$1', '?')).run(at);
    } finally {
      file.close();
    }
  }
}

async function bench(database: string, db: string): Promise<Measured[]> {
  const server = await startServer(db);
  try {
    const post = await load(server.pid, {
      url: `${server.url}/api/reviews`,
      requests: [
        {
          method: 'POST',
          headers: { origin: SITE, 'content-type': 'application/json' },
          // A new id per request: every answer is a review stored, not a 409.
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              id: randomUUID(),
              item: ITEM,
              rating: 1 + Math.floor(Math.random() * 5),
              text: 'A fair and clear article, thank you.',
              name: 'Bench',
            }),
          }),
        },
      ],
    });
    const posted = measured(database, 'POST /api/reviews (stored)', post, 201, (perSecond, p99) => [
      `≥500/s, p99 <50 ms`,
      perSecond >= 500 && p99 < 50,
    ]);

    // An administrator approves them all (one statement beside the server, as the CLI would do it
    // one by one); the feed of the article then holds every review just posted.
    await publishAll(db);
    const feedUrl = `${server.url}/api/reviews.json?item=${encodeURIComponent(ITEM)}`;
    const first = await fetch(feedUrl, { headers: { origin: SITE } });
    const etag = first.headers.get('etag');
    const feed = (await first.json()) as { _reviews?: { count?: number } };
    if (!etag) throw new Error('GET /api/reviews.json answered without an ETag');
    // Every 201 is stored (those of the warm-up too); a few more may be, answered after the load tool stopped listening.
    if ((feed._reviews?.count ?? 0) < posted.expected) {
      throw new Error(
        `the feed counts ${feed._reviews?.count} reviews, but ${posted.expected} POSTs were answered 201`,
      );
    }
    const get = await load(server.pid, { url: feedUrl, headers: { origin: SITE, 'if-none-match': etag } });
    const got = measured(database, 'GET /api/reviews.json, If-None-Match (304)', get, 304, (perSecond, p99) => [
      `≥5,000/s, p99 <50 ms`,
      perSecond >= 5000 && p99 < 50,
    ]);
    return [posted, got];
  } finally {
    await server.stop();
  }
}

const results: Measured[] = [];
const folder = mkdtempSync(join(tmpdir(), 'feedlets-bench-'));
try {
  results.push(...(await bench('libSQL file', join(folder, 'bench.db'))));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const skip = postgresSkip();
if (skip) {
  process.stderr.write(`PostgreSQL skipped: ${skip}\n`);
} else {
  const pg = await startPostgres();
  try {
    results.push(...(await bench('PostgreSQL', pg.url)));
  } finally {
    await pg.stop();
  }
}

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  node: process.version,
  loadAverageAfter: loadavg().map((n) => Math.round(n * 10) / 10),
};
writeFileSync(
  join(root, 'bench', 'results-server.json'),
  `${JSON.stringify({ date: new Date().toISOString(), connections: CONNECTIONS, seconds, warmupSeconds: warmup, moderation: 'pre', machine, results }, null, 2)}\n`,
);
const rows = results.map((r) => [
  r.database,
  r.test,
  `${r.perSecond}/s`,
  `${r.p50} ms`,
  `${r.p99} ms`,
  `${r.serverCpuMsPerRequest} ms`,
  `${r.target} ${r.met ? 'met' : 'MISSED'}`,
  r.expected === r.requests && r.errors === 0 ? '' : `other answers: ${JSON.stringify(r.statuses)}, errors ${r.errors}`,
]);
const head = ['database', 'test', 'rate', 'p50', 'p99', 'server CPU/request', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
for (const row of [head, ...rows])
  process.stdout.write(
    `${row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`,
  );
process.stdout.write(
  `${CONNECTIONS} connections, ${seconds} s each after ${warmup} s of warm-up; load average after: ${machine.loadAverageAfter.join(' ')} (${machine.cpus} CPUs). Written to bench/results-server.json\n`,
);
// The cluster this process may have started is stopped on exit.
process.exit(0);
