/**
 * The embedded database's schema, one numbered step at a time. A step is never edited once
 * released: a change is a new step, so every file upgrades through the same path.
 */
export const LIBSQL_MIGRATIONS: readonly { version: number; name: string; statements: string[] }[] = [
  {
    version: 1,
    name: 'reviews and rate buckets',
    statements: [
      `CREATE TABLE reviews (
        id TEXT PRIMARY KEY NOT NULL,
        item TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        text TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`,
      // An article's published reviews, newest first: the public listing. Rating and updated_at
      // ride along so summary() (asked on every conditional GET) reads the index alone.
      'CREATE INDEX reviews_by_item ON reviews (item, status, created_at DESC, id DESC, rating, updated_at)',
      // Every article's reviews in one state, newest first: the moderation queue and the site feed.
      'CREATE INDEX reviews_by_status ON reviews (status, created_at DESC, id DESC, rating, updated_at)',
      'CREATE INDEX reviews_by_date ON reviews (created_at DESC, id DESC)',
      `CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY NOT NULL,
        tokens REAL NOT NULL,
        at_ms INTEGER NOT NULL
      ) STRICT`,
    ],
  },
];
