/** Where a review stands in moderation. */
export type ReviewStatus = 'pending' | 'published' | 'rejected';

/** A review as the server keeps it: the reader's payload, checked, with what the server adds. */
export interface StoredReview {
  /** The UUID the reader's draft was given; a second review with it is a duplicate. */
  id: string;
  /** The article reviewed: an absolute URL on one of the sites, or an id the site listed. */
  item: string;
  rating: number;
  text: string;
  /** Empty when the reader gave none. */
  name: string;
  status: ReviewStatus;
  /** When the server stored it, ISO 8601 in UTC. */
  createdAt: string;
  /** The last moderation change, ISO 8601 in UTC. */
  updatedAt: string;
}

/**
 * What {@link ReviewStore.add} is given: the server sets the dates, unless an import brings them
 * (`updatedAt` then defaults to now, as for a new review).
 */
export type NewReview = Omit<StoredReview, 'createdAt' | 'updatedAt'> & { createdAt?: string; updatedAt?: string };

/** Which reviews a listing wants. */
export interface ReviewQuery {
  /** Only this article's reviews; all articles when absent. */
  item?: string;
  /** Only reviews in these states; every state when absent. */
  status?: ReviewStatus[];
  /** At most this many (newest first). */
  limit?: number;
  /** Reviews older than this cursor (as returned in {@link ReviewPage.next}). */
  after?: string;
}

export interface ReviewPage {
  reviews: StoredReview[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

/** Average and count of the published reviews of one article (or of all, without `item`). */
export interface ReviewSummary {
  count: number;
  /** Rounded to one decimal; 0 when there are none. */
  average: number;
  /**
   * When the published set last changed (a review published, unpublished or deleted; ISO 8601):
   * with the count, what a listing's ETag changes with. Absent when nothing was ever published.
   */
  lastChange?: string;
  /**
   * Moves on every change to the published set, whatever else stays the same (the sum of the
   * articles' versions without `item`). With the count and `lastChange`, what a listing's ETag is made of.
   */
  version: number;
}

/**
 * One client's token bucket: it holds at most `capacity` tokens and gains one every `1 / perMs`
 * milliseconds. Kept in the database so every instance behind a load balancer counts the same posts.
 */
export interface TokenBucket {
  /** What is counted, e.g. `minute:203.0.113.7`. */
  key: string;
  capacity: number;
  /** Tokens gained per millisecond. */
  perMs: number;
  /** The current time in ms since the epoch (the handler's clock). */
  now: number;
}

/**
 * The reviews' database. Each implementation runs its numbered migrations in `open()` and makes
 * duplicates a database fact (a primary key on `id`, `INSERT … ON CONFLICT DO NOTHING`), never a
 * read-then-write.
 */
export interface ReviewStore {
  /** Creates or upgrades the schema. Safe to call from several processes at once. */
  open(): Promise<void>;
  /** Stores a review once: `false` when one with this `id` is already stored. Durable on return. */
  add(review: NewReview): Promise<boolean>;
  get(id: string): Promise<StoredReview | undefined>;
  list(query?: ReviewQuery): Promise<ReviewPage>;
  summary(item?: string): Promise<ReviewSummary>;
  /** Moves a review to `status`; `false` when no review has this id. */
  setStatus(id: string, status: ReviewStatus): Promise<boolean>;
  /** `false` when no review has this id. */
  delete(id: string): Promise<boolean>;
  /**
   * Takes one token from `bucket` in one statement: 0 when taken, else the ms until one is free.
   * Given several, takes one from each in turn and stops at the first that has none (the ms are
   * then that one's), in one round trip where the database is remote.
   */
  take(bucket: TokenBucket | readonly TokenBucket[]): Promise<number>;
  /** Answers when the database answers (for `/healthz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
