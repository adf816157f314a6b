/** What a reader has written so far, and the id it will be sent with. */
export interface ReviewDraft {
  id: string;
  /** 0 until the reader picks a rating. */
  rating: number;
  text: string;
  name: string;
}

function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Sandboxed frames and blocked storage throw on access.
  }
}

/**
 * A new review id. `crypto.randomUUID` exists only on secure (https) pages; a plain-http site
 * gets the same version 4 format from `getRandomValues`.
 */
export function newId(source: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto): string {
  if (source.randomUUID) return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const emptyDraft = (): ReviewDraft => ({ id: newId(), rating: 0, text: '', name: '' });

/**
 * Keeps one draft per endpoint and article in `localStorage`, so a reload, a crash or a
 * navigation back loses nothing. Without storage (blocked, full) drafts live only in memory.
 */
export class DraftStore {
  readonly #key: string;

  constructor(
    action: string,
    item: string,
    private readonly storage: Storage | null = localStore(),
  ) {
    this.#key = `feedlets:review:${JSON.stringify([action, item])}`;
  }

  /** The saved draft, or a new empty one with a new id. */
  load(): ReviewDraft {
    try {
      const saved: unknown = JSON.parse(this.storage?.getItem(this.#key) ?? 'null');
      if (typeof saved === 'object' && saved !== null) {
        const { id, rating, text, name } = saved as Record<string, unknown>;
        if (typeof id === 'string' && id && typeof text === 'string' && typeof name === 'string') {
          return { id, text, name, rating: [1, 2, 3, 4, 5].includes(rating as number) ? (rating as number) : 0 };
        }
      }
    } catch {
      // A draft that cannot be read is no draft.
    }
    return emptyDraft();
  }

  /** Saves `draft`, or forgets it when the reader has written nothing. */
  save(draft: ReviewDraft): void {
    if (!draft.rating && !draft.text && !draft.name) return this.clear();
    try {
      this.storage?.setItem(this.#key, JSON.stringify(draft));
    } catch {
      // Quota exceeded: the form still holds the text.
    }
  }

  /** Forgets the draft: only once the server has accepted it. */
  clear(): void {
    try {
      this.storage?.removeItem(this.#key);
    } catch {
      // Nothing to forget.
    }
  }
}
