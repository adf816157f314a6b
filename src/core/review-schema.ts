import { gte, int, lte, maxLength, minLength, object, optional, string, trim, uuid } from 'zod/mini';
import { NAME_MAX, REVIEW_MAX } from './text.js';

// Apart from the feed schemas: a page needs this only to check reviews on a server, so an element
// that does not import it leaves it out of the bundle (zod schemas are built when their module runs).

/**
 * The body `<news-reviews>` POSTs to its `action`. Servers validate with this very schema
 * (`reviewPayloadSchema.safeParse(body)`); unknown keys a page adds in `news-review-submit` are
 * dropped by it, so a server that wants them reads them itself.
 */
export const reviewPayloadSchema = object({
  /** Made once per draft and kept through retries: the server de-duplicates by it. */
  id: uuid(),
  /** The article reviewed: its id or URL. */
  item: string().check(trim(), minLength(1), maxLength(2000)),
  rating: int().check(gte(1), lte(5)),
  text: string().check(trim(), minLength(1), maxLength(REVIEW_MAX)),
  /** Empty when the reader gave no name (`<news-reviews>` always sends it; other clients may not). */
  name: optional(string().check(trim(), maxLength(NAME_MAX))),
});

export type ReviewPayload = ReturnType<typeof reviewPayloadSchema.parse>;
