// The databases the route tests run on: a fresh embedded file, and a fresh PostgreSQL database
// (server-store's harness) when PostgreSQL is installed. Each test gets its own empty database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStore } from '../../src/store/index.js';
import type { ReviewStore } from '../../src/store/types.js';
import { postgresSkip, startPostgres } from './postgres.js';

/** An opened store on an empty database, and what `--db` names it by. */
export interface TestDatabase {
  store: ReviewStore;
  db: string;
  /** Closes the store and removes the database. */
  drop(): Promise<void>;
}

export interface Backend {
  name: string;
  /** A reason to skip (PostgreSQL not installed, outside CI), or false. */
  skip: string | false;
  fresh(): Promise<TestDatabase>;
}

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A new empty folder, removed when the test file ends. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'feedlets-server-'));
  folders.push(folder);
  return folder;
}

export const libsql: Backend = {
  name: 'libsql (embedded file)',
  skip: false,
  async fresh() {
    const db = join(tempFolder(), 'reviews.db');
    const store = await openStore(db);
    return { store, db, drop: () => store.close() };
  },
};

export const postgres: Backend = {
  name: 'PostgreSQL',
  skip: postgresSkip(),
  async fresh() {
    const cluster = await startPostgres();
    const store = await openStore(cluster.url);
    return {
      store,
      db: cluster.url,
      async drop() {
        await store.close();
        await cluster.stop();
      },
    };
  },
};

/** Every database the route suites run against. */
export const backends: Backend[] = [libsql, postgres];
