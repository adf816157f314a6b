import pg from 'pg';
import { Batcher } from './batcher.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { takeToken } from './rate-limit.js';
import { pageSize, reviewValues, toSummary, type ReviewValues } from './shared.js';
import { StoreOpenError } from './store-open-error.js';
import type {
  NewReview,
  ReviewPage,
  ReviewQuery,
  ReviewStatus,
  ReviewStore,
  ReviewSummary,
  StoredReview,
  TokenBucket,
} from './types.js';

/** Held while migrating, so instances starting together upgrade the schema one at a time. */
const MIGRATION_LOCK = 0x6665_6564; // "feed"

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  max?: number;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface ReviewRow {
  id: string;
  item: string;
  rating: number;
  text: string;
  name: string;
  status: ReviewStatus;
  created_at: Date;
  updated_at: Date;
}

/**
 * Reviews in PostgreSQL through a `pg` pool: for sites that run several instances on one database.
 */
export class PostgresStore implements ReviewStore {
  readonly url: string;
  readonly #options: PostgresStoreOptions;
  #pool: pg.Pool | undefined;

  /** @param url A `postgres://` or `postgresql://` connection URL. */
  constructor(url: string, options: PostgresStoreOptions = {}) {
    this.url = url;
    this.#options = options;
  }

  async open(): Promise<void> {
    if (this.#pool) return;
    const pool = new pg.Pool({ connectionString: this.url, max: this.#options.max ?? 10 });
    // An idle connection that drops (a database restart) is replaced on next use, and that use
    // reports any lasting problem; without a listener the pool's error would end the process.
    pool.on('error', () => {});
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw openError(this.url, error);
    }
    this.#pool = pool;
  }

  get #db(): pg.Pool {
    if (!this.#pool) throw new Error('PostgresStore: call open() before using the store');
    return this.#pool;
  }

  /** Durable on return. Adds made while one commit is in flight are inserted together by the next. */
  async add(review: NewReview): Promise<boolean> {
    return this.#adds.add(reviewValues(review));
  }

  readonly #adds = new Batcher<ReviewValues, boolean>((rows) => this.#insert(rows));

  /**
   * One statement for the group: `RETURNING id` names the rows that were new, so each caller still
   * learns whether its review was stored or already there. A second review with an id earlier in
   * the same group is a duplicate of it, as it would be one commit later.
   */
  async #insert(rows: ReviewValues[]): Promise<boolean[]> {
    const first = new Map<string, ReviewValues>();
    for (const row of rows) if (!first.has(row[0])) first.set(row[0], row);
    // In (item, id) order, so two instances' groups take the totals' row locks in the same order.
    const unique = [...first.values()].sort(([aId, aItem], [bId, bItem]) => compare(aItem, bItem) || compare(aId, bId));
    const columns = unique[0]!.map((_, column) => unique.map((row) => row[column]));
    // Named: each connection parses and plans it once.
    const result = await this.#db.query<{ id: string }>({
      name: 'feedlets-add-many',
      text: `INSERT INTO reviews (id, item, rating, text, name, status, created_at, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      values: columns,
    });
    const added = new Set(result.rows.map((row) => row.id));
    return rows.map((row) => first.get(row[0]) === row && added.has(row[0]));
  }

  async get(id: string): Promise<StoredReview | undefined> {
    const result = await this.#db.query<ReviewRow>('SELECT * FROM reviews WHERE id = $1', [id]);
    return result.rows[0] && toReview(result.rows[0]);
  }

  async list(query: ReviewQuery = {}): Promise<ReviewPage> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (value: unknown): string => `$${args.push(value)}`;
    if (query.item !== undefined) where.push(`item = ${arg(query.item)}`);
    if (query.status !== undefined) {
      if (query.status.length === 0) return { reviews: [] };
      where.push(`status = ANY(${arg(query.status)}::text[])`);
    }
    if (query.after !== undefined) {
      const after = decodeCursor(query.after);
      where.push(`(created_at, id) < (${arg(after.createdAt)}::timestamptz, ${arg(after.id)})`);
    }
    const limit = pageSize(query);
    // One row more than the page says whether there is a next page.
    const result = await this.#db.query<ReviewRow>(
      `SELECT * FROM reviews ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${arg(limit + 1)}`,
      args,
    );
    const reviews = result.rows.slice(0, limit).map(toReview);
    const last = reviews.at(-1);
    return result.rows.length > limit && last ? { reviews, next: encodeCursor(last) } : { reviews };
  }

  async summary(item?: string): Promise<ReviewSummary> {
    if (item !== undefined) return this.#summaries.add(item);
    const result = await this.#db.query<TotalsRow>({
      name: 'feedlets-summary-all',
      text: `SELECT coalesce(sum(count), 0) AS count, coalesce(sum(sum), 0) AS sum, max(last_change) AS last_change,
        coalesce(sum(version), 0) AS version FROM review_totals`,
    });
    return toTotals(result.rows[0]);
  }

  /**
   * Articles' summaries are asked on every conditional GET: those asked while one read is on its
   * way are read together by the next, one query by primary key for the lot. Each is read by a
   * query that starts after it was asked, so a GET after a POST's 201 never sees the state before it.
   */
  readonly #summaries = new Batcher<string, ReviewSummary>(async (items) => {
    const result = await this.#db.query<TotalsRow & { item: string }>({
      name: 'feedlets-summaries',
      text: 'SELECT item, count, sum, last_change, version FROM review_totals WHERE item = ANY($1::text[])',
      values: [[...new Set(items)]],
    });
    const rows = new Map(result.rows.map((row) => [row.item, row]));
    return items.map((item) => toTotals(rows.get(item)));
  });

  async setStatus(id: string, status: ReviewStatus): Promise<boolean> {
    const result = await this.#db.query('UPDATE reviews SET status = $1, updated_at = $2 WHERE id = $3', [
      status,
      new Date().toISOString(),
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.#db.query('DELETE FROM reviews WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async take(bucket: TokenBucket | readonly TokenBucket[]): Promise<number> {
    return takeToken(async (sql, args) => (await this.#db.query(sql, args)).rows, 'postgres', bucket);
  }

  async ping(): Promise<void> {
    await this.#db.query('SELECT 1');
  }

  async close(): Promise<void> {
    // Reviews already taken are committed (and answered) before the pool ends.
    await Promise.all([this.#adds.idle(), this.#summaries.idle()]);
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.end();
  }
}

/** Steps run one at a time under an advisory lock, each in a transaction with its version row. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (row) => row.version,
        ),
      );
      for (const step of POSTGRES_MIGRATIONS) {
        if (applied.has(step.version)) continue;
        await client.query('BEGIN');
        try {
          for (const statement of step.statements) await client.query(statement);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
            step.version,
            step.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

interface TotalsRow {
  count: string | number;
  sum: string | number;
  last_change: Date | null;
  version: string | number;
}

/** An article's totals row as a summary; none (no review ever published) is all zeros. */
function toTotals(row: TotalsRow | undefined): ReviewSummary {
  return toSummary(
    Number(row?.count ?? 0),
    Number(row?.sum ?? 0),
    row?.last_change?.toISOString(),
    Number(row?.version ?? 0),
  );
}

function toReview(row: ReviewRow): StoredReview {
  return {
    id: row.id,
    item: row.item,
    rating: row.rating,
    text: row.text,
    name: row.name,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The URL as an operator may see it in a log: without its password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.href;
  } catch {
    return 'the --db URL (which is not a valid URL)';
  }
}

function openError(url: string, error: unknown): StoreOpenError {
  const where = describeUrl(url);
  let host = 'its host';
  let port = '5432';
  let database = '';
  let user = '';
  try {
    const parsed = new URL(url);
    host = parsed.hostname || 'localhost';
    port = parsed.port || '5432';
    database = decodeURIComponent(parsed.pathname.slice(1));
    user = decodeURIComponent(parsed.username);
  } catch {
    return new StoreOpenError(`--db does not look like a postgres://user:password@host:port/database URL.`, {
      cause: error,
    });
  }
  const { code, message } = error as { code?: string; message?: string };
  const fix: Record<string, string> = {
    ECONNREFUSED: `PostgreSQL refused the connection at ${host}:${port}. Is it running and listening on that address and port (listen_addresses, port in postgresql.conf)?`,
    ENOTFOUND: `The host ${host} in --db was not found. Check its spelling, or use an IP address.`,
    EAI_AGAIN: `The host ${host} in --db could not be resolved just now. Check the DNS, or use an IP address.`,
    ETIMEDOUT: `No answer from PostgreSQL at ${host}:${port}. Is a firewall in the way?`,
    '28P01': `PostgreSQL refused the password of user "${user}". Check the password in --db.`,
    '28000': `PostgreSQL does not let user "${user}" connect from here: add a line for it to pg_hba.conf, or connect as another user.`,
    '3D000': `The database "${database}" does not exist on ${host}:${port}. Create it: createdb -h ${host} -p ${port} ${database}`,
    '42501': `User "${user}" may not create tables in "${database}". Grant it: GRANT CREATE ON SCHEMA public TO "${user}";`,
  };
  const text = (code && fix[code]) ?? `Cannot open the PostgreSQL database ${where}: ${message ?? String(error)}`;
  return new StoreOpenError(text, { cause: error });
}
