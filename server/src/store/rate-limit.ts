import type { TokenBucket } from './types.js';

/** Runs one SQL statement with positional `?` arguments and answers its rows as plain objects. */
export type RunStatement = (sql: string, args: unknown[]) => Promise<Record<string, unknown>[]>;

/** The table the buckets live in (SQL both SQLite and PostgreSQL take); each store creates it in its migrations. */
export const RATE_BUCKETS_TABLE =
  'CREATE TABLE IF NOT EXISTS rate_buckets (key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at_ms BIGINT NOT NULL)';

// One upsert refills and takes a token atomically, so two instances never both spend the last one;
// its WHERE leaves the row alone (and returns nothing) when less than one token is left.
// `excluded` carries the capacity (as tokens + 1) and the time; CASE stands in for LEAST/min,
// which the two databases spell differently, so one statement serves both.
const LEVEL = `CASE WHEN rate_buckets.tokens + (CASE WHEN excluded.at_ms > rate_buckets.at_ms THEN excluded.at_ms - rate_buckets.at_ms ELSE 0 END) * CAST(? AS DOUBLE PRECISION) > excluded.tokens + 1
  THEN excluded.tokens + 1
  ELSE rate_buckets.tokens + (CASE WHEN excluded.at_ms > rate_buckets.at_ms THEN excluded.at_ms - rate_buckets.at_ms ELSE 0 END) * CAST(? AS DOUBLE PRECISION) END`;

const UPSERT = `ON CONFLICT (key) DO UPDATE SET tokens = ${LEVEL} - 1, at_ms = excluded.at_ms
  WHERE ${LEVEL} >= 1
  RETURNING tokens`;

const TAKE = `INSERT INTO rate_buckets (key, tokens, at_ms) VALUES (?, CAST(? AS DOUBLE PRECISION) - 1, CAST(? AS BIGINT))
  ${UPSERT}`;

/**
 * PostgreSQL takes from several buckets in one statement (one round trip per request): each step
 * of the chain inserts only when the step before it took a token, so the buckets are spent in
 * order and stop at the first that is empty, as one statement per bucket would. `taken` counts the
 * buckets that gave a token. SQLite has no INSERT in WITH; its statements cost no round trip.
 */
function chain(length: number): string {
  const steps = Array.from(
    { length },
    (_, i) => `t${i} AS (INSERT INTO rate_buckets (key, tokens, at_ms)
    SELECT ?, CAST(? AS DOUBLE PRECISION) - 1, CAST(? AS BIGINT)${i === 0 ? '' : ` WHERE EXISTS (SELECT 1 FROM t${i - 1})`}
    ${UPSERT})`,
  );
  return `WITH ${steps.join(',\n')}\nSELECT ${steps.map((_, i) => `(SELECT count(*) FROM t${i})`).join(' + ')} AS taken`;
}

const PEEK = 'SELECT tokens, at_ms FROM rate_buckets WHERE key = ?';

/** `?` placeholders as PostgreSQL numbers them (the statements hold no `?` in strings). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

type Buckets = TokenBucket | readonly TokenBucket[];

/**
 * Takes one token from `buckets` (see {@link TokenBucket}), or from each in turn when given
 * several, stopping at the first that has none, with statements that SQLite (3.35+) and PostgreSQL
 * both run, so every store implements `take` by calling this. Answers 0 when every bucket gave a
 * token, else the milliseconds until the empty one will have one.
 */
export async function takeToken(run: RunStatement, buckets: Buckets): Promise<number>;
/** The same, with `?` numbered `$1…$n` first, and one statement for all the buckets, when `dialect` is `postgres`. */
export async function takeToken(run: RunStatement, dialect: 'sqlite' | 'postgres', buckets: Buckets): Promise<number>;
export async function takeToken(
  run: RunStatement,
  ...rest: [Buckets] | ['sqlite' | 'postgres', Buckets]
): Promise<number> {
  const [dialect, given] = rest.length === 1 ? ['sqlite', rest[0]] : rest;
  const buckets: readonly TokenBucket[] = Array.isArray(given) ? given : [given as TokenBucket];
  const sql = (text: string) => (dialect === 'postgres' ? numbered(text) : text);
  const args = ({ key, capacity, perMs, now }: TokenBucket) => [
    key,
    capacity,
    Math.trunc(now),
    perMs,
    perMs,
    perMs,
    perMs,
  ];
  let taken = 0;
  if (dialect === 'postgres' && buckets.length > 1) {
    const [row] = await run(sql(chain(buckets.length)), buckets.flatMap(args));
    taken = Number(row?.taken ?? 0);
  } else {
    for (const bucket of buckets) {
      if ((await run(sql(TAKE), args(bucket))).length === 0) break;
      taken += 1;
    }
  }
  const empty = buckets[taken];
  if (!empty) return 0;
  const [row] = await run(sql(PEEK), [empty.key]);
  if (!row) return 0;
  const { capacity, perMs, now } = empty;
  const tokens = Math.min(capacity, Number(row.tokens) + Math.max(0, now - Number(row.at_ms)) * perMs);
  return Math.max(1, Math.ceil((1 - tokens) / perMs));
}
