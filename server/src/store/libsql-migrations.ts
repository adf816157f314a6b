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
  {
    version: 2,
    name: 'published totals per article',
    statements: [
      // summary() is asked on every conditional GET: one row read instead of a scan of every review.
      // last_change moves whenever the published set changes, deletes included (by the database clock).
      `CREATE TABLE review_totals (
        item TEXT PRIMARY KEY NOT NULL,
        count INTEGER NOT NULL,
        sum INTEGER NOT NULL,
        last_change TEXT NOT NULL
      ) STRICT`,
      `INSERT INTO review_totals (item, count, sum, last_change)
        SELECT item, count(*), sum(rating), max(updated_at) FROM reviews WHERE status = 'published' GROUP BY item`,
      `CREATE TRIGGER reviews_totals_insert AFTER INSERT ON reviews WHEN NEW.status = 'published' BEGIN
        INSERT INTO review_totals (item, count, sum, last_change) VALUES (NEW.item, 1, NEW.rating, NEW.updated_at)
          ON CONFLICT (item) DO UPDATE SET count = count + 1, sum = sum + excluded.sum, last_change = max(last_change, excluded.last_change);
      END`,
      `CREATE TRIGGER reviews_totals_update AFTER UPDATE ON reviews WHEN OLD.status = 'published' OR NEW.status = 'published' BEGIN
        UPDATE review_totals SET count = count - 1, sum = sum - OLD.rating, last_change = max(last_change, NEW.updated_at)
          WHERE OLD.status = 'published' AND item = OLD.item;
        INSERT INTO review_totals (item, count, sum, last_change) SELECT NEW.item, 1, NEW.rating, NEW.updated_at WHERE NEW.status = 'published'
          ON CONFLICT (item) DO UPDATE SET count = count + 1, sum = sum + excluded.sum, last_change = max(last_change, excluded.last_change);
      END`,
      `CREATE TRIGGER reviews_totals_delete AFTER DELETE ON reviews WHEN OLD.status = 'published' BEGIN
        UPDATE review_totals SET count = count - 1, sum = sum - OLD.rating,
          last_change = max(last_change, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
          WHERE item = OLD.item;
      END`,
    ],
  },
  {
    version: 3,
    name: 'a version per article, moved by every change to its published reviews',
    statements: [
      // The listing's ETag is read from this row alone (no hashing of the feed), so it must move on
      // every change, even one that leaves count, average and last_change as they were (an edit made
      // in the database, two changes in one millisecond).
      'ALTER TABLE review_totals ADD COLUMN version INTEGER NOT NULL DEFAULT 0',
      'DROP TRIGGER reviews_totals_insert',
      'DROP TRIGGER reviews_totals_update',
      'DROP TRIGGER reviews_totals_delete',
      `CREATE TRIGGER reviews_totals_insert AFTER INSERT ON reviews WHEN NEW.status = 'published' BEGIN
        INSERT INTO review_totals (item, count, sum, last_change, version) VALUES (NEW.item, 1, NEW.rating, NEW.updated_at, 1)
          ON CONFLICT (item) DO UPDATE SET count = count + 1, sum = sum + excluded.sum,
            last_change = max(last_change, excluded.last_change), version = version + 1;
      END`,
      `CREATE TRIGGER reviews_totals_update AFTER UPDATE ON reviews WHEN OLD.status = 'published' OR NEW.status = 'published' BEGIN
        UPDATE review_totals SET count = count - 1, sum = sum - OLD.rating, last_change = max(last_change, NEW.updated_at), version = version + 1
          WHERE OLD.status = 'published' AND item = OLD.item;
        INSERT INTO review_totals (item, count, sum, last_change, version) SELECT NEW.item, 1, NEW.rating, NEW.updated_at, 1 WHERE NEW.status = 'published'
          ON CONFLICT (item) DO UPDATE SET count = count + 1, sum = sum + excluded.sum,
            last_change = max(last_change, excluded.last_change), version = version + 1;
      END`,
      `CREATE TRIGGER reviews_totals_delete AFTER DELETE ON reviews WHEN OLD.status = 'published' BEGIN
        UPDATE review_totals SET count = count - 1, sum = sum - OLD.rating,
          last_change = max(last_change, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), version = version + 1
          WHERE item = OLD.item;
      END`,
    ],
  },
];
