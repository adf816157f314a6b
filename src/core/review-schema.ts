import { gte, int, lte, maxLength, minLength, object, optional, string, trim, uuid } from 'zod/mini';

/**
 * The body a review box POSTs, as both the element and a server check it. `id` is made once per
 * draft and kept through retries, so a server can de-duplicate; `text` is capped at 2000 characters,
 * the element's default `max-length`.
 */
export const reviewPayloadSchema = object({
  id: uuid(),
  item: string().check(trim(), minLength(1), maxLength(2000)),
  rating: int().check(gte(1), lte(5)),
  text: string().check(trim(), minLength(1), maxLength(2000)),
  name: optional(string().check(trim(), maxLength(100))),
});

export type ReviewPayload = ReturnType<typeof reviewPayloadSchema.parse>;
