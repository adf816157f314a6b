import { LibsqlStore } from './libsql.js';
import { PostgresStore } from './postgres.js';
import type { ReviewStore } from './types.js';

export { InvalidCursorError } from './cursor.js';
export { LibsqlStore } from './libsql.js';
export { PostgresStore } from './postgres.js';
export { StoreOpenError } from './store-open-error.js';
export type * from './types.js';

/**
 * The store `--db` names, opened (migrations run): a `postgres://` or `postgresql://` URL is a
 * PostgreSQL database, anything else a file path for the embedded database.
 * @throws StoreOpenError with a message that names the fix.
 */
export async function openStore(db: string): Promise<ReviewStore> {
  const store = /^postgres(ql)?:\/\//i.test(db) ? new PostgresStore(db) : new LibsqlStore(db);
  await store.open();
  return store;
}
