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
  {
    version: 2,
    name: 'published totals per article',
    statements: [
      // summary() is asked on every conditional GET: one row read instead of a scan of every review.
      // last_change moves whenever the published set changes, deletes included.
      `CREATE TABLE review_totals (
        item TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        sum INTEGER NOT NULL,
        last_change TIMESTAMPTZ NOT NULL
      )`,
      `INSERT INTO review_totals (item, count, sum, last_change)
        SELECT item, count(*), sum(rating), max(updated_at) FROM reviews WHERE status = 'published' GROUP BY item`,
      `CREATE FUNCTION feedlets_review_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status = 'published' THEN
          UPDATE review_totals SET count = count - 1, sum = sum - OLD.rating,
            last_change = GREATEST(last_change, CASE WHEN TG_OP = 'DELETE' THEN now() ELSE NEW.updated_at END)
            WHERE item = OLD.item;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
          INSERT INTO review_totals (item, count, sum, last_change) VALUES (NEW.item, 1, NEW.rating, NEW.updated_at)
            ON CONFLICT (item) DO UPDATE SET count = review_totals.count + 1, sum = review_totals.sum + excluded.sum,
              last_change = GREATEST(review_totals.last_change, excluded.last_change);
        END IF;
        RETURN NULL;
      END $$`,
      `CREATE TRIGGER reviews_totals AFTER INSERT OR UPDATE OR DELETE ON reviews
        FOR EACH ROW EXECUTE FUNCTION feedlets_review_totals()`,
    ],
  },
  {
    version: 3,
    name: 'a version per article, moved by every change to its published reviews',
    statements: [
      // The listing's ETag is read from this row alone (no hashing of the feed), so it must move on
      // every change, even one that leaves count, average and last_change as they were.
      'ALTER TABLE review_totals ADD COLUMN version BIGINT NOT NULL DEFAULT 0',
      `CREATE OR REPLACE FUNCTION feedlets_review_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status = 'published' THEN
          UPDATE review_totals SET count = count - 1, sum = sum - OLD.rating,
            last_change = GREATEST(last_change, CASE WHEN TG_OP = 'DELETE' THEN now() ELSE NEW.updated_at END),
            version = version + 1
            WHERE item = OLD.item;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
          INSERT INTO review_totals (item, count, sum, last_change, version) VALUES (NEW.item, 1, NEW.rating, NEW.updated_at, 1)
            ON CONFLICT (item) DO UPDATE SET count = review_totals.count + 1, sum = review_totals.sum + excluded.sum,
              last_change = GREATEST(review_totals.last_change, excluded.last_change), version = review_totals.version + 1;
        END IF;
        RETURN NULL;
      END $$`,
    ],
  },
];
