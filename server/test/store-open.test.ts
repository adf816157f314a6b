/** openStore: which database a --db value names, and errors an operator can act on. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore, StoreOpenError } from '../src/store/index.js';
import { LibsqlStore } from '../src/store/libsql.js';
import { PostgresStore } from '../src/store/postgres.js';
import { postgresSkip, startPostgres } from './support/postgres.js';

const folder = mkdtempSync(join(tmpdir(), 'feedlets-open-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('openStore with a file path', () => {
  test('opens (and creates) the embedded database', async () => {
    const store = await openStore(join(folder, 'new.db'));
    try {
      assert.ok(store instanceof LibsqlStore);
      await store.ping();
    } finally {
      await store.close();
    }
  });

  test('a path in a missing folder says which folder to create', async () => {
    const missing = join(folder, 'no', 'such');
    await assert.rejects(openStore(join(missing, 'feedlets.db')), (error: Error) => {
      assert.ok(error instanceof StoreOpenError);
      assert.match(error.message, new RegExp(`Create ${missing}, or pass another --db`));
      return true;
    });
  });

  test('a folder given as the file says to pass a file in it', async () => {
    await assert.rejects(openStore(folder), { name: 'StoreOpenError', message: new RegExp(`${folder} is a folder`) });
  });

  test('a file that is not a database is named as such, and left as it was', async () => {
    const notes = join(folder, 'notes.txt');
    const text = 'These are my notes, not a database. '.repeat(200);
    writeFileSync(notes, text);
    await assert.rejects(openStore(notes), {
      name: 'StoreOpenError',
      message: `${notes} is not a SQLite database. Pass the file feedlets-server made, or a new file name, as --db.`,
    });
    assert.equal(readFileSync(notes, 'utf8'), text);
  });
});

describe('openStore with a postgres:// URL', () => {
  test('a refused connection names the host and port, never the password', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    for (const scheme of ['postgres', 'postgresql']) {
      await assert.rejects(openStore(`${scheme}://feedlets:s3cret-pw@127.0.0.1:${port}/reviews`), (error: Error) => {
        assert.ok(error instanceof StoreOpenError);
        assert.match(
          error.message,
          new RegExp(`PostgreSQL refused the connection at 127\\.0\\.0\\.1:${port}\\. Is it running`),
        );
        assert.doesNotMatch(error.message, /s3cret/);
        return true;
      });
    }
  });

  test('a missing database says how to create it', { skip: postgresSkip() }, async () => {
    const database = await startPostgres();
    try {
      const url = new URL(database.url);
      url.pathname = '/no_such_db';
      await assert.rejects(openStore(url.href), {
        name: 'StoreOpenError',
        message: `The database "no_such_db" does not exist on 127.0.0.1:${url.port}. Create it: createdb -h 127.0.0.1 -p ${url.port} no_such_db`,
      });
      const store = await openStore(database.url);
      assert.ok(store instanceof PostgresStore);
      await store.close();
    } finally {
      await database.stop();
    }
  });
});
