import Database from 'libsql';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Batcher } from './batcher.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { LIBSQL_MIGRATIONS } from './libsql-migrations.js';
import { LibsqlWriter } from './libsql-writer.js';
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
  #db: Database.Database | undefined;
  /** Commits adds, and takes rate-limit tokens, off the main thread on its own connections. */
  #writer: LibsqlWriter | undefined;
  #adds: Batcher<ReviewValues, boolean> | undefined;
  #opening: Promise<void> | undefined;
  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  readonly #statements = new Map<string, Database.Statement<unknown[]>>();

  /** @param path The database file; created on first open. */
  constructor(path: string) {
    this.path = resolve(path);
  }

  async open(): Promise<void> {
    // Shared, so two calls at once open one connection and one writer.
    this.#opening ??= this.#open().catch((error: unknown) => {
      this.#opening = undefined;
      throw error;
    });
    return this.#opening;
  }

  async #open(): Promise<void> {
    checkFolder(this.path);
    let db: Database.Database | undefined;
    try {
      // libSQL runs statements synchronously, on one connection per store: the PRAGMAs below hold
      // for every statement, and no transaction is ever left open across an await.
      db = new Database(this.path, { timeout: BUSY_TIMEOUT_MS });
      // WAL lets readers go on while another process writes. synchronous=FULL fsyncs the WAL on
      // every commit, so a review is on disk before add() returns: it survives SIGKILL (which
      // NORMAL would too) and also power loss or a kernel crash (which NORMAL would not).
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      migrate(db);
    } catch (error) {
      db?.close();
      throw openError(this.path, error);
    }
    let writer: LibsqlWriter;
    try {
      writer = await LibsqlWriter.start(this.path, INSERT_REVIEW, BUSY_TIMEOUT_MS);
    } catch (error) {
      db.close();
      throw openError(this.path, error);
    }
    this.#db = db;
    this.#writer = writer;
    this.#adds = new Batcher((rows: ReviewValues[]) => writer.insert(rows));
  }

  #statement(sql: string): Database.Statement<unknown[]> {
    if (!this.#db) throw new Error('LibsqlStore: call open() before using the store');
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Durable on return, and cheap under load by group commit: adds made while the previous commit
   * was on its way to disk go into one transaction, so many reviews share one fsync. The commit
   * runs on the writer thread, so the fsync holds up no other request.
   */
  async add(review: NewReview): Promise<boolean> {
    const values = reviewValues(review);
    if (!this.#adds) throw new Error('LibsqlStore: call open() before using the store');
    return this.#adds.add(values);
  }

  async get(id: string): Promise<StoredReview | undefined> {
    const row = this.#statement('SELECT * FROM reviews WHERE id = ?').get(id) as ReviewRow | undefined;
    return row && toReview(row);
  }

  async list(query: ReviewQuery = {}): Promise<ReviewPage> {
    const where: string[] = [];
    const args: unknown[] = [];
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
    const rows = this.#statement(
      `SELECT * FROM reviews ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
    ).all(...args) as ReviewRow[];
    const reviews = rows.slice(0, limit).map(toReview);
    const last = reviews.at(-1);
    return rows.length > limit && last ? { reviews, next: encodeCursor(last) } : { reviews };
  }

  async summary(item?: string): Promise<ReviewSummary> {
    // An article's totals are one row, read by its key (asked on every conditional GET); the site's, the sum of them all.
    const sql =
      item === undefined
        ? `SELECT coalesce(sum(count), 0) AS count, coalesce(sum(sum), 0) AS sum, max(last_change) AS last_change,
            coalesce(sum(version), 0) AS version FROM review_totals`
        : 'SELECT count, sum, last_change, version FROM review_totals WHERE item = ?';
    const row = this.#statement(sql).get(...(item === undefined ? [] : [item])) as
      { count: number; sum: number; last_change: string | null; version: number } | undefined;
    return toSummary(
      Number(row?.count ?? 0),
      Number(row?.sum ?? 0),
      row?.last_change ?? undefined,
      Number(row?.version ?? 0),
    );
  }

  async setStatus(id: string, status: ReviewStatus): Promise<boolean> {
    return (
      this.#statement('UPDATE reviews SET status = ?, updated_at = ? WHERE id = ?').run(
        status,
        new Date().toISOString(),
        id,
      ).changes > 0
    );
  }

  async delete(id: string): Promise<boolean> {
    return this.#statement('DELETE FROM reviews WHERE id = ?').run(id).changes > 0;
  }

  async take(bucket: TokenBucket | readonly TokenBucket[]): Promise<number> {
    const writer = this.#writer;
    if (!writer) throw new Error('LibsqlStore: call open() before using the store');
    // On the writer thread: each take is a write, which here would wait for the writer's lock with every request stalled.
    return takeToken((sql, args) => writer.run(sql, args), 'sqlite', bucket);
  }

  async ping(): Promise<void> {
    this.#statement('SELECT 1').get();
  }

  async close(): Promise<void> {
    // Reviews already taken are committed (and answered) before the file closes.
    await this.#adds?.idle();
    await this.#writer?.close();
    this.#writer = undefined;
    this.#adds = undefined;
    this.#db?.close();
    this.#db = undefined;
    this.#opening = undefined;
    this.#statements.clear();
  }
}

/**
 * Each step commits with its version row in one `BEGIN IMMEDIATE` transaction that first checks
 * the version again: two processes that both saw a step missing take the write lock in turn, and
 * the second finds it applied. Nothing here yields to the event loop, so two stores in one
 * process cannot hold the lock against each other either.
 */
function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const step of LIBSQL_MIGRATIONS) {
    if (applied.get(step.version)) continue;
    db.transaction(() => {
      if (applied.get(step.version)) return;
      for (const statement of step.statements) db.exec(statement);
      record.run(step.version, step.name, new Date().toISOString());
    }).immediate();
  }
}

interface ReviewRow {
  id: string;
  item: string;
  rating: number;
  text: string;
  name: string;
  status: ReviewStatus;
  created_at: string;
  updated_at: string;
}

function toReview(row: ReviewRow): StoredReview {
  return {
    id: row.id,
    item: row.item,
    rating: row.rating,
    text: row.text,
    name: row.name,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
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
    throw new StoreOpenError(
      `The folder of the database file ${path} does not exist. Create ${folder}, or pass another --db.`,
    );
  }
  if (!isFolder)
    throw new StoreOpenError(`${folder} is not a folder, so ${path} cannot be created there. Pass another --db.`);
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
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  if (code.startsWith('SQLITE_NOTADB')) {
    return new StoreOpenError(
      `${path} is not a SQLite database. Pass the file feedlets-server made, or a new file name, as --db.`,
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreOpenError(
      `Cannot write the database file ${path}. Give this user read and write access to it, or pass another --db.`,
      {
        cause: error,
      },
    );
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
