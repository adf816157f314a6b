import type { ReviewStore } from './types.js';

export { InvalidCursorError } from './cursor.js';
export { StoreOpenError } from './store-open-error.js';
export type * from './types.js';

/**
 * The store `--db` names, opened (migrations run): a `postgres://` or `postgresql://` URL is a
 * PostgreSQL database, anything else a file path for the embedded database. Only the chosen
 * store's module is loaded, so importing this loads neither `pg` nor the native `libsql`.
 * @throws StoreOpenError with a message that names the fix.
 */
export async function openStore(db: string): Promise<ReviewStore> {
  const store = /^postgres(ql)?:\/\//i.test(db)
    ? new (await import('./postgres.js')).PostgresStore(db)
    : new (await import('./libsql.js')).LibsqlStore(db);
  await store.open();
  return store;
}
