/** A feed answer the proxy keeps for `ttlSeconds` and revalidates upstream after. */
export interface CachedFeed {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** The proxy's own strong ETag: a hash of the body. */
  etag: string;
  /** The upstream's validators, for the conditional fetch after the ttl. */
  validators: { url: string; etag?: string; lastModified?: string };
  /** When it was fetched or last revalidated, by the proxy's clock (ms). */
  checkedAt: number;
}

/**
 * A least-recently-used map bounded in entries and in body bytes. Losing an entry only costs one
 * upstream fetch, so it evicts freely.
 */
export class FeedCache {
  readonly #entries = new Map<string, CachedFeed>();
  #bytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get(key: string): CachedFeed | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Map keeps insertion order: moving the entry to the end marks it most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedFeed): void {
    this.delete(key);
    if (entry.body.byteLength > this.maxBytes || this.maxEntries < 1) return;
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.body.byteLength;
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}
