/**
 * The PostgreSQL schema, one numbered step at a time, in the same shape as the embedded one. A
 * step is never edited once released: a change is a new step.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; statements: string[] }[] = [
  {
    version: 1,
    name: 'reviews and rate buckets',
    statements: [
      // Byte order ("C") for ids, as in SQLite, so the keyset order is the same in both stores.
      `CREATE TABLE reviews (
        id TEXT COLLATE "C" PRIMARY KEY,
        item TEXT NOT NULL,
        rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
        text TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      )`,
      // An article's published reviews, newest first; INCLUDE lets summary() read the index alone.
      'CREATE INDEX reviews_by_item ON reviews (item, status, created_at DESC, id DESC) INCLUDE (rating, updated_at)',
      // Every article's reviews in one state, newest first: the moderation queue and the site feed.
      'CREATE INDEX reviews_by_status ON reviews (status, created_at DESC, id DESC) INCLUDE (rating, updated_at)',
      'CREATE INDEX reviews_by_date ON reviews (created_at DESC, id DESC)',
      `CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        at_ms BIGINT NOT NULL
      )`,
    ],
  },
];
