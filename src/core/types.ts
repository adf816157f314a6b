import type { TagNames } from './tag-names.js';

/** A person credited on a feed or an item. `url` is already safe (http, https or mailto). */
export interface Author {
  name: string;
  url?: string;
  avatar?: string;
}

/** A reader review carried by an item's `_review` extension. */
export interface Review {
  /** 1 to 5. */
  rating: number;
  /** The id or URL of the article reviewed, when the feed mixes articles. */
  item?: string;
}

/** One normalised feed item. Every string is plain text; every URL has passed {@link safeUrl}. */
export interface Item {
  id: string;
  url?: string;
  /** The item's title as plain text; empty when the feed gave none (see {@link headline}). */
  title: string;
  /** A plain-text excerpt from `summary`, `content_text` or `content_html`, in that order. */
  readonly text: string;
  image?: string;
  tags: string[];
  /** The feed's names for `tags` in other languages (its `_tag_names`), when it gives any. */
  tagNames?: TagNames;
  authors: Author[];
  published?: Date;
  modified?: Date;
  language?: string;
  review?: Review;
}

/** A normalised feed, the one model every element renders. */
export interface Feed {
  title: string;
  homePageUrl?: string;
  feedUrl?: string;
  language?: string;
  nextUrl?: string;
  /** A reviews feed's `_reviews`: the server's average and count over every page, not only this one. */
  reviews?: ReviewSummary;
  items: Item[];
}

/** The average rating (0 to 5) and the number of reviews a server counted. */
export interface ReviewSummary {
  average: number;
  count: number;
}

/**
 * What an element knows about its feed at any moment. `idle`: no feed was asked for yet (neither
 * `src`, `feed` nor an inline feed): the element waits quietly for one.
 */
export type FeedStatus = 'loading' | 'ready' | 'empty' | 'error' | 'idle';
