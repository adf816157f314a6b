import type {
  NewReview,
  ReviewPage,
  ReviewQuery,
  ReviewStatus,
  ReviewStore,
  ReviewSummary,
  StoredReview,
  TokenBucket,
} from '../../src/store/types.js';

/**
 * A ReviewStore in a Map, as a platform's own store would implement the interface: what the
 * handler is given where neither libSQL nor pg runs. One process only, so good for tests alone.
 */
export class MemoryStore implements ReviewStore {
  readonly reviews = new Map<string, StoredReview>();
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  #version = 0;
  #lastChange: string | undefined;

  async open() {}
  async ping() {}
  async close() {}

  async add(review: NewReview): Promise<boolean> {
    if (this.reviews.has(review.id)) return false;
    const now = new Date().toISOString();
    this.reviews.set(review.id, { ...review, createdAt: review.createdAt ?? now, updatedAt: now });
    if (review.status === 'published') this.#changed();
    return true;
  }

  async get(id: string): Promise<StoredReview | undefined> {
    return this.reviews.get(id);
  }

  async list({ item, status, limit = 50, after }: ReviewQuery = {}): Promise<ReviewPage> {
    const all = [...this.reviews.values()]
      .filter((review) => (item === undefined || review.item === item) && (!status || status.includes(review.status)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    const start = after ? all.findIndex((review) => review.id === after) + 1 : 0;
    const reviews = all.slice(start, start + limit);
    return { reviews, next: start + limit < all.length ? reviews.at(-1)?.id : undefined };
  }

  async summary(item?: string): Promise<ReviewSummary> {
    const { reviews } = await this.list({ item, status: ['published'], limit: Infinity });
    const total = reviews.reduce((sum, review) => sum + review.rating, 0);
    const average = reviews.length ? Math.round((total / reviews.length) * 10) / 10 : 0;
    return { count: reviews.length, average, lastChange: this.#lastChange, version: this.#version };
  }

  async setStatus(id: string, status: ReviewStatus): Promise<boolean> {
    const review = this.reviews.get(id);
    if (!review) return false;
    if ((review.status === 'published') !== (status === 'published')) this.#changed();
    this.reviews.set(id, { ...review, status, updatedAt: new Date().toISOString() });
    return true;
  }

  async delete(id: string): Promise<boolean> {
    const review = this.reviews.get(id);
    if (review?.status === 'published') this.#changed();
    return this.reviews.delete(id);
  }

  async take(buckets: TokenBucket | readonly TokenBucket[]): Promise<number> {
    for (const { key, capacity, perMs, now } of [buckets].flat()) {
      const held = this.#buckets.get(key) ?? { tokens: capacity, at: now };
      const tokens = Math.min(capacity, held.tokens + (now - held.at) * perMs);
      if (tokens < 1) return Math.ceil((1 - tokens) / perMs);
      this.#buckets.set(key, { tokens: tokens - 1, at: now });
    }
    return 0;
  }

  #changed() {
    this.#version++;
    this.#lastChange = new Date().toISOString();
  }
}
