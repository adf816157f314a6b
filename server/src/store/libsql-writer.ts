import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's code, plain CommonJS passed as a string (`eval`), so the same text runs from the
 * TypeScript sources (tsx) and from the built `dist/`, with no second entry file to find. It holds
 * two connections to the file: one commits each group of reviews in one `BEGIN IMMEDIATE`
 * transaction (synchronous=FULL: durable when answered), answering which rows were new; the other
 * runs single statements for the rate limit, whose buckets need no fsync (synchronous=NORMAL: a
 * power cut may forget the last few posts counted). One thread, so the two never wait on each other.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.libsql);
const fail = (error) => ({ error: { message: String(error && error.message || error), code: error && error.code } });
const statements = new Map();
let reviews;
let buckets;
let commit;
try {
  reviews = new Database(workerData.path, { timeout: workerData.timeout });
  reviews.exec('PRAGMA synchronous = FULL');
  const insert = reviews.prepare(workerData.sql);
  commit = reviews.transaction((rows) => rows.map((args) => insert.run(...args).changes === 1));
  buckets = new Database(workerData.path, { timeout: workerData.timeout });
  buckets.exec('PRAGMA synchronous = NORMAL');
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage(fail(error));
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    reviews?.close();
    buckets?.close();
    parentPort.close();
    return;
  }
  try {
    if (message.insert) {
      parentPort.postMessage({ added: commit.immediate(message.insert) });
      return;
    }
    let statement = statements.get(message.sql);
    if (!statement) statements.set(message.sql, (statement = buckets.prepare(message.sql)));
    parentPort.postMessage({ rows: statement.all(...message.args) });
  } catch (error) {
    parentPort.postMessage(fail(error));
  }
});
`;

type Message = { insert: unknown[][] } | { sql: string; args: unknown[] };
type Answer =
  | { ready: true }
  | { added: boolean[] }
  | { rows: Record<string, unknown>[] }
  | { error: { message: string; code?: string } };

/**
 * Commits inserts, and runs the rate limit's statements, on a worker thread. SQLite runs
 * statements synchronously, so a commit that waits for its fsync (or for another process's lock)
 * on the main thread would stall every other request for that long; on the worker, reads and HTTP
 * go on meanwhile.
 */
export class LibsqlWriter {
  readonly #worker: Worker;
  /** Settled in order: the worker answers messages one at a time, in the order they were sent. */
  readonly #waiting: { resolve: (answer: Answer) => void; reject: (error: unknown) => void }[] = [];
  readonly #exited: Promise<void>;
  /** Why the thread is gone: later calls fail at once with it instead of waiting for no answer. */
  #stopped: Error | undefined;

  private constructor(path: string, sql: string, timeout: number) {
    const libsql = createRequire(import.meta.url).resolve('libsql');
    // execArgv: the code is plain JavaScript, so the thread need not load what the process was started with (tsx's hooks).
    this.#worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { libsql, path, sql, timeout } });
    this.#worker.on('message', (answer: Answer) => this.#waiting.shift()?.resolve(answer));
    const stopped = (error: unknown) => {
      this.#stopped ??= error instanceof Error ? error : new Error(String(error));
      for (const waiting of this.#waiting.splice(0)) waiting.reject(this.#stopped);
    };
    this.#worker.on('error', stopped);
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', () => {
        stopped(new Error('LibsqlWriter: the writer thread stopped'));
        resolve();
      });
    });
  }

  /**
   * A writer for the database file at `path` (already created and migrated), whose `insert()`
   * runs `sql` once per row of arguments.
   */
  static async start(path: string, sql: string, timeout: number): Promise<LibsqlWriter> {
    const writer = new LibsqlWriter(path, sql, timeout);
    const answer = await writer.#ask(undefined);
    if ('error' in answer) {
      await writer.#worker.terminate();
      throw toError(answer.error);
    }
    return writer;
  }

  /** Inserts every row in one transaction, durable on return: whether each row was new. */
  async insert(rows: unknown[][]): Promise<boolean[]> {
    const answer = await this.#ask({ insert: rows });
    if ('error' in answer) throw toError(answer.error);
    if (!('added' in answer)) throw new Error('LibsqlWriter: unexpected answer');
    return answer.added;
  }

  /** Runs one statement of the rate limit (committed, not flushed to disk): its rows. */
  async run(sql: string, args: unknown[]): Promise<Record<string, unknown>[]> {
    const answer = await this.#ask({ sql, args });
    if ('error' in answer) throw toError(answer.error);
    if (!('rows' in answer)) throw new Error('LibsqlWriter: unexpected answer');
    return answer.rows;
  }

  async close(): Promise<void> {
    this.#worker.ref();
    this.#worker.postMessage('close');
    await this.#exited;
  }

  /** Sends `message` (nothing: waits for the ready signal). Keeps the process alive only while waiting. */
  #ask(message: Message | undefined): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      if (this.#stopped) {
        reject(this.#stopped);
        return;
      }
      this.#worker.ref();
      const done = () => {
        if (this.#waiting.length === 0) this.#worker.unref();
      };
      this.#waiting.push({
        resolve: (answer) => {
          resolve(answer);
          done();
        },
        reject: (error) => {
          reject(error);
          done();
        },
      });
      if (message) this.#worker.postMessage(message);
    });
  }
}

/** The worker's error as the main thread would have thrown it: a message and SQLite's code. */
function toError({ message, code }: { message: string; code?: string }): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}
