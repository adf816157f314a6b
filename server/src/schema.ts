import { z } from 'zod';

/** The longest review text, in characters (as `<news-reviews>` allows). */
export const TEXT_MAX = 5000;
/** The longest reviewer name, in characters. */
export const NAME_MAX = 100;
/** The longest `item` (an article URL or id). */
export const ITEM_MAX = 2000;

/**
 * Whether `value` holds a control character (C0 or DEL) other than those in `allowed`. PostgreSQL
 * text cannot hold NUL, so the store refuses it; the others are no part of what a reader types.
 */
function hasControl(value: string, allowed = ''): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(char)) return true;
  }
  return false;
}

/**
 * The form an article's address is stored and looked up in: an http(s) URL as the URL standard
 * writes it (scheme and host in lower case, no default port), so every spelling of one address is
 * one article. Ids that are not http(s) URLs are kept as they are.
 */
export function canonicalItem(item: string): string {
  return httpUrl(item)?.href ?? item;
}

function httpUrl(item: string): URL | undefined {
  if (!/^https?:/i.test(item)) return undefined;
  try {
    return new URL(item);
  } catch {
    return undefined;
  }
}

function hasCredentials(item: string): boolean {
  const url = httpUrl(item);
  return !!url && (url.username !== '' || url.password !== '');
}

/**
 * The body `<news-reviews>` POSTs to its `action`: `{ id, item, rating, text, name }`. Each message
 * is written for the reader, who sees it under the form. Unknown keys are dropped.
 */
export const reviewPayloadSchema = z.object({
  /** Made once per draft and kept through retries: the server drops duplicates by it. */
  id: z
    .uuid({ error: 'The review has no valid id (a UUID made once per review). Reload the page and try again.' })
    // UUIDs are case-insensitive: one review sent in either case is one review.
    .transform((id) => id.toLowerCase()),
  /** The article reviewed: an absolute URL on one of the sites, or an id the site listed. */
  item: z
    .string({ error: 'The review does not say which article it is about.' })
    .trim()
    .min(1, { error: 'The review does not say which article it is about.' })
    .max(ITEM_MAX, { error: `The article's address is longer than ${ITEM_MAX} characters.` })
    .refine((item) => !hasControl(item), { error: "The article's address contains a control character." })
    .refine((item) => !hasCredentials(item), {
      error: "The article's address must not hold a user name or password.",
    })
    .transform(canonicalItem),
  rating: z
    .number({ error: 'Choose a rating from 1 to 5 stars.' })
    .int({ error: 'The rating must be a whole number of stars, from 1 to 5.' })
    .min(1, { error: 'The rating must be at least 1 star.' })
    .max(5, { error: 'The rating can be at most 5 stars.' }),
  text: z
    .string({ error: 'Write a few words for your review.' })
    .trim()
    .min(1, { error: 'Write a few words for your review.' })
    .max(TEXT_MAX, {
      error: `The review is longer than ${TEXT_MAX.toLocaleString('en')} characters: shorten it a little.`,
    })
    // Line breaks and tabs are part of a review.
    .refine((text) => !hasControl(text, '\t\n\r'), {
      error: 'The review contains a control character that cannot be stored: remove it and send it again.',
    }),
  /** Empty when the reader gave no name. */
  name: z
    .string({ error: 'The name must be text.' })
    .trim()
    .max(NAME_MAX, { error: `The name is longer than ${NAME_MAX} characters.` })
    .refine((name) => !hasControl(name), {
      error: 'The name contains a control character that cannot be stored: remove it and send it again.',
    })
    .optional(),
});

export type ReviewPayload = z.infer<typeof reviewPayloadSchema>;

/** The message for the reader from a failed parse: the first problem, which is the one to fix first. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.code === 'invalid_type' && issue.path.length === 0) {
    return 'Send the review as a JSON object with `id`, `item`, `rating`, `text` and `name`.';
  }
  return issue?.message ?? 'The review could not be read.';
}
