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

const TAKE = `INSERT INTO rate_buckets (key, tokens, at_ms) VALUES (?, CAST(? AS DOUBLE PRECISION) - 1, CAST(? AS BIGINT))
  ON CONFLICT (key) DO UPDATE SET tokens = ${LEVEL} - 1, at_ms = excluded.at_ms
  WHERE ${LEVEL} >= 1
  RETURNING tokens`;

const PEEK = 'SELECT tokens, at_ms FROM rate_buckets WHERE key = ?';

/** `?` placeholders as PostgreSQL numbers them (the statements hold no `?` in strings). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * Takes one token from `bucket` (see {@link TokenBucket}) with statements that SQLite (3.35+) and
 * PostgreSQL both run, so every store implements `take` by calling this. Answers 0 when a token was
 * taken, else the milliseconds until one will be free.
 */
export async function takeToken(run: RunStatement, bucket: TokenBucket): Promise<number>;
/** The same, with `?` numbered `$1…$n` first when `dialect` is `postgres`. */
export async function takeToken(run: RunStatement, dialect: 'sqlite' | 'postgres', bucket: TokenBucket): Promise<number>;
export async function takeToken(run: RunStatement, ...rest: [TokenBucket] | ['sqlite' | 'postgres', TokenBucket]): Promise<number> {
  const [dialect, { key, capacity, perMs, now }] = rest.length === 1 ? ['sqlite', rest[0]] : rest;
  const sql = (text: string) => (dialect === 'postgres' ? numbered(text) : text);
  const taken = await run(sql(TAKE), [key, capacity, Math.trunc(now), perMs, perMs, perMs, perMs]);
  if (taken.length > 0) return 0;
  const [row] = await run(sql(PEEK), [key]);
  if (!row) return 0;
  const tokens = Math.min(capacity, Number(row.tokens) + Math.max(0, now - Number(row.at_ms)) * perMs);
  return Math.max(1, Math.ceil((1 - tokens) / perMs));
}
