import { createClient, LibsqlBatchError, LibsqlError, type Client, type InArgs, type Row } from '@libsql/client';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeCursor, encodeCursor } from './cursor.js';
import { LIBSQL_MIGRATIONS } from './libsql-migrations.js';
import { takeToken } from './rate-limit.js';
import { checkNewReview, isoDate, pageSize, toSummary } from './shared.js';
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

const INSERT_REVIEW = `INSERT INTO reviews (id, item, rating, text, name, status, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;

/** How long a statement waits for another process's write lock (the CLI while the server runs). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Reviews in one local SQLite file through libSQL: nothing to run beside the server, and several
 * processes (the server, the CLI) may open the same file at once.
 */
export class LibsqlStore implements ReviewStore {
  readonly path: string;
  #client: Client | undefined;

  /** @param path The database file; created on first open. */
  constructor(path: string) {
    this.path = resolve(path);
  }

  async open(): Promise<void> {
    if (this.#client) return;
    checkFolder(this.path);
    try {
      this.#client = createClient({
        url: pathToFileURL(this.path).href,
        timeout: BUSY_TIMEOUT_MS,
        // Statements run synchronously in libSQL, so more connections in one process buy nothing;
        // one connection means the PRAGMAs below hold for every statement.
        concurrency: 1,
      });
      // WAL lets readers go on while another process writes. synchronous=FULL fsyncs the WAL on
      // every commit, so a review is on disk before add() returns: it survives SIGKILL (which
      // NORMAL would too) and also power loss or a kernel crash (which NORMAL would not).
      await this.#client.execute('PRAGMA journal_mode = WAL');
      await this.#client.execute('PRAGMA synchronous = FULL');
      await this.#migrate(this.#client);
    } catch (error) {
      this.#client?.close();
      this.#client = undefined;
      throw openError(this.path, error);
    }
  }

  /**
   * Each step commits with its version row in one `BEGIN IMMEDIATE` batch. Two processes that both
   * saw a step missing race for the write lock; the loser's version insert hits the primary key and
   * its whole batch rolls back, which means "already applied". A batch never yields to the event
   * loop, so two stores in one process cannot hold the lock against each other either.
   */
  async #migrate(client: Client): Promise<void> {
    await client.execute(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (await client.execute('SELECT version FROM schema_migrations')).rows.map((row) => Number(row.version)),
    );
    for (const step of LIBSQL_MIGRATIONS) {
      if (applied.has(step.version)) continue;
      try {
        await client.batch(
          [
            {
              sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
              args: [step.version, step.name, new Date().toISOString()],
            },
            ...step.statements,
          ],
          'write',
        );
      } catch (error) {
        const appliedMeanwhile =
          error instanceof LibsqlBatchError && error.statementIndex === 0 && error.code.startsWith('SQLITE_CONSTRAINT');
        if (!appliedMeanwhile) throw error;
      }
    }
  }

  get #db(): Client {
    if (!this.#client) throw new Error('LibsqlStore: call open() before using the store');
    return this.#client;
  }

  /**
   * Durable on return, and cheap under load by group commit: adds made while the previous commit
   * was on its way to disk go into one transaction, so many reviews share one fsync. (libSQL runs
   * statements synchronously, so an fsync per review would also hold up every other request.)
   */
  async add(review: NewReview): Promise<boolean> {
    checkNewReview(review);
    const now = new Date();
    const insert = {
      sql: INSERT_REVIEW,
      args: [review.id, review.item, review.rating, review.text, review.name, review.status, isoDate(review.createdAt, now), now.toISOString()],
    };
    return new Promise((resolve, reject) => {
      this.#queue.push({ insert, resolve, reject });
      // setImmediate: after the I/O callbacks of this turn, so the requests that arrived together commit together.
      if (this.#queue.length === 1 && !this.#flushing) setImmediate(() => void this.#flush());
    });
  }

  #queue: { insert: { sql: string; args: InArgs }; resolve: (added: boolean) => void; reject: (error: unknown) => void }[] = [];
  #flushing = false;

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#queue.length > 0) {
        const group = this.#queue.splice(0, 500);
        try {
          const results = await this.#db.batch(group.map((entry) => entry.insert), 'write');
          group.forEach((entry, i) => entry.resolve(results[i]!.rowsAffected === 1));
        } catch {
          // One bad review must not fail the others: each on its own, answering for itself.
          for (const entry of group) {
            try {
              entry.resolve((await this.#db.execute(entry.insert)).rowsAffected === 1);
            } catch (error) {
              entry.reject(error);
            }
          }
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  async get(id: string): Promise<StoredReview | undefined> {
    const result = await this.#db.execute({ sql: 'SELECT * FROM reviews WHERE id = ?', args: [id] });
    return result.rows[0] && toReview(result.rows[0]);
  }

  async list(query: ReviewQuery = {}): Promise<ReviewPage> {
    const where: string[] = [];
    const args: InArgs = [];
    if (query.item !== undefined) {
      where.push('item = ?');
      args.push(query.item);
    }
    if (query.status !== undefined) {
      if (query.status.length === 0) return { reviews: [] };
      where.push(`status IN (${query.status.map(() => '?').join(', ')})`);
      args.push(...query.status);
    }
    if (query.after !== undefined) {
      const after = decodeCursor(query.after);
      where.push('(created_at, id) < (?, ?)');
      args.push(after.createdAt, after.id);
    }
    const limit = pageSize(query);
    // One row more than the page says whether there is a next page.
    args.push(limit + 1);
    const result = await this.#db.execute({
      sql: `SELECT * FROM reviews ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
            ORDER BY created_at DESC, id DESC LIMIT ?`,
      args,
    });
    const reviews = result.rows.slice(0, limit).map(toReview);
    const last = reviews.at(-1);
    return result.rows.length > limit && last ? { reviews, next: encodeCursor(last) } : { reviews };
  }

  async summary(item?: string): Promise<ReviewSummary> {
    const result = await this.#db.execute({
      sql: `SELECT coalesce(sum(count), 0) AS count, coalesce(sum(sum), 0) AS sum, max(last_change) AS last_change
            FROM review_totals ${item === undefined ? '' : 'WHERE item = ?'}`,
      args: item === undefined ? [] : [item],
    });
    const row = result.rows[0]!;
    return toSummary(Number(row.count), Number(row.sum), row.last_change === null ? undefined : String(row.last_change));
  }

  async setStatus(id: string, status: ReviewStatus): Promise<boolean> {
    const result = await this.#db.execute({
      sql: 'UPDATE reviews SET status = ?, updated_at = ? WHERE id = ?',
      args: [status, new Date().toISOString(), id],
    });
    return result.rowsAffected > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.#db.execute({ sql: 'DELETE FROM reviews WHERE id = ?', args: [id] });
    return result.rowsAffected > 0;
  }

  async take(bucket: TokenBucket): Promise<number> {
    return takeToken(
      async (sql, args) => {
        const result = await this.#db.execute({ sql, args: args as InArgs });
        return result.rows.map((row) => Object.fromEntries(result.columns.map((column) => [column, row[column]])));
      },
      'sqlite',
      bucket,
    );
  }

  async ping(): Promise<void> {
    await this.#db.execute('SELECT 1');
  }

  async close(): Promise<void> {
    this.#client?.close();
    this.#client = undefined;
  }
}

function toReview(row: Row): StoredReview {
  return {
    id: String(row.id),
    item: String(row.item),
    rating: Number(row.rating),
    text: String(row.text),
    name: String(row.name),
    status: String(row.status) as ReviewStatus,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

/** SQLite's own words for a missing folder ("unable to open database file") name no fix. */
function checkFolder(path: string): void {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new StoreOpenError(`${path} is a folder. Pass a file in it as --db, e.g. ${join(path, 'feedlets.db')}.`);
  }
  const folder = dirname(path);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new StoreOpenError(`The folder of the database file ${path} does not exist. Create ${folder}, or pass another --db.`);
  }
  if (!isFolder) throw new StoreOpenError(`${folder} is not a folder, so ${path} cannot be created there. Pass another --db.`);
  try {
    // SQLite writes its -wal and -shm files beside the database, so the folder must be writable too.
    accessSync(folder, constants.W_OK | constants.R_OK);
  } catch {
    throw new StoreOpenError(
      `The folder ${folder} is not writable by this user, and the database needs to write ${path} and its -wal file there. ` +
        'Give this user write access to the folder, or pass another --db.',
    );
  }
}

function openError(path: string, error: unknown): Error {
  if (error instanceof StoreOpenError) return error;
  const code = error instanceof LibsqlError ? (error.code ?? '') : '';
  if (code.startsWith('SQLITE_NOTADB')) {
    return new StoreOpenError(`${path} is not a SQLite database. Pass the file feedlets-server made, or a new file name, as --db.`, {
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreOpenError(`Cannot write the database file ${path}. Give this user read and write access to it, or pass another --db.`, {
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new StoreOpenError(
      `The database file ${path} stayed locked by another process for ${BUSY_TIMEOUT_MS / 1000} s. Is a stuck feedlets-server or import running?`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreOpenError(`Cannot open the database file ${path}: ${detail}`, { cause: error });
}
