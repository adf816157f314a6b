// The shape of a review on the wire, as a type only: the browser builds it and needs no schema
// library for that. Servers validate it with `reviewPayloadSchema` from `feedlets-server`.

/** The body `<news-reviews>` POSTs to its `action`. Unknown keys a page adds in `news-review-submit` travel too. */
export interface ReviewPayload {
  /** Made once per draft and kept through retries: the server de-duplicates by it (a UUID). */
  id: string;
  /** The article reviewed: its id or URL (1 to 2000 characters). */
  item: string;
  /** A whole number from 1 to 5. */
  rating: number;
  /** The review, trimmed: 1 to 5000 characters. */
  text: string;
  /** Empty when the reader gave no name (`<news-reviews>` always sends it; other clients may not). */
  name?: string;
}
