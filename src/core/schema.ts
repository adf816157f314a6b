import {
  array,
  config,
  gte,
  int,
  lte,
  maxLength,
  minLength,
  number,
  object,
  optional,
  refine,
  string,
  trim,
  unknown,
  uuid,
} from 'zod/mini';
import { NAME_MAX, REVIEW_MAX } from './text.js';

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
  /** Empty when the reader gave no name. */
  name: string().check(trim(), maxLength(NAME_MAX)),
});

export type ReviewPayload = ReturnType<typeof reviewPayloadSchema.parse>;
