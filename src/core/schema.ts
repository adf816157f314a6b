import { array, config, number, object, optional, refine, string, unknown } from 'zod/mini';

// Zod probes `new Function` to speed up objects; a strict Content-Security-Policy reports that
// probe as a violation, and feeds are small enough not to need it.
config({ jitless: true });

/**
 * Fields that real feeds get wrong (null, numbers, a string for a list) are read as `unknown` here
 * and coerced in `parseFeed`: a wrong field is dropped, never the item. Zod decides only what
 * rendering depends on, and stays small: every byte ships to every reader.
 */
const loose = optional(unknown());

export const authorSchema = object({ name: loose, url: loose, avatar: loose });

export const reviewSchema = object({
  rating: number().check(refine((rating) => rating >= 1 && rating <= 5)),
  item: loose,
});

export const itemSchema = object({
  id: loose,
  url: loose,
  external_url: loose,
  title: loose,
  content_html: loose,
  content_text: loose,
  summary: loose,
  image: loose,
  banner_image: loose,
  date_published: loose,
  date_modified: loose,
  tags: loose,
  language: loose,
  author: loose,
  authors: loose,
  _review: loose,
});

export const feedSchema = object({
  version: string().check(refine((version) => /^https?:\/\/(?:www\.)?jsonfeed\.org\/version\/1/i.test(version))),
  title: loose,
  home_page_url: loose,
  feed_url: loose,
  next_url: loose,
  language: loose,
  author: loose,
  authors: loose,
  items: array(unknown()),
});

export type RawItem = ReturnType<typeof itemSchema.parse>;
