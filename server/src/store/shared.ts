import type { NewReview, ReviewQuery, ReviewStatus, ReviewSummary } from './types.js';

/** A page holds at most this many reviews, whatever a caller asks for. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export const STATUSES: readonly ReviewStatus[] = ['pending', 'published', 'rejected'];

/** The page size a query asks for, within 1..{@link MAX_PAGE}. */
export function pageSize(query: ReviewQuery): number {
  const limit = query.limit ?? DEFAULT_PAGE;
  return Number.isFinite(limit) ? Math.min(MAX_PAGE, Math.max(1, Math.floor(limit))) : DEFAULT_PAGE;
}

/**
 * Dates as `toISOString()` writes them (UTC, milliseconds), so text order is time order in every
 * database and a cursor's date compares equal to the stored one.
 */
export function isoDate(value: string | Date | undefined, now: Date): string {
  if (value === undefined) return now.toISOString();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${JSON.stringify(value)}`);
  return date.toISOString();
}

/** The store's last line of defence; the HTTP edge has already checked with zod. */
export function checkNewReview(review: NewReview): void {
  if (!Number.isInteger(review.rating) || review.rating < 1 || review.rating > 5) {
    throw new RangeError(`A rating is a whole number from 1 to 5, not ${review.rating}`);
  }
  if (!STATUSES.includes(review.status)) throw new RangeError(`Unknown status: ${review.status}`);
  for (const key of ['id', 'item', 'text', 'name'] as const) {
    // PostgreSQL text cannot hold NUL; refusing it everywhere keeps both stores alike.
    if (review[key].includes('\0')) throw new RangeError(`The review's ${key} contains a NUL character`);
  }
}

/** A review's columns in the order `INSERT INTO reviews` lists them, in both stores. */
export type ReviewValues = [
  id: string,
  item: string,
  rating: number,
  text: string,
  name: string,
  status: ReviewStatus,
  createdAt: string,
  updatedAt: string,
];

/** Checks a new review and gives the values its row is inserted with. */
export function reviewValues(review: NewReview, now = new Date()): ReviewValues {
  checkNewReview(review);
  const { id, item, rating, text, name, status, createdAt, updatedAt } = review;
  return [id, item, rating, text, name, status, isoDate(createdAt, now), isoDate(updatedAt, now)];
}

/** Both stores sum and count in SQL and round here, so they answer alike. */
export function toSummary(count: number, sum: number, lastChange: string | undefined, version: number): ReviewSummary {
  const summary: ReviewSummary = { count, average: count === 0 ? 0 : Math.round((sum * 10) / count) / 10, version };
  if (lastChange !== undefined) summary.lastChange = lastChange;
  return summary;
}
