import { z } from 'zod';
import { reviewPayloadSchema } from './schema.js';
import type { ReviewStore, StoredReview } from './store/types.js';

const PAGE = 500;

/** Every review in `store`, in any state, newest first. */
async function* everyReview(store: ReviewStore): AsyncGenerator<StoredReview> {
  let after: string | undefined;
  do {
    const page = await store.list({ limit: PAGE, after });
    yield* page.reviews;
    after = page.next;
  } while (after);
}

/**
 * Every review, in any state, as a JSON Feed 1.1 (`_review` carries rating, item and state), for
 * backups and moves between databases. {@link importFeed} reads it back.
 */
export async function exportFeed(store: ReviewStore): Promise<object> {
  const items = [];
  for await (const review of everyReview(store)) {
    items.push({
      id: review.id,
      content_text: review.text,
      date_published: review.createdAt,
      date_modified: review.updatedAt,
      ...(review.name ? { authors: [{ name: review.name }] } : {}),
      _review: { rating: review.rating, item: review.item, status: review.status },
    });
  }
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Reader reviews (export)', items };
}

const importedItem = z.object({
  id: reviewPayloadSchema.shape.id,
  content_text: reviewPayloadSchema.shape.text,
  date_published: z.iso.datetime({ offset: true }).optional(),
  date_modified: z.iso.datetime({ offset: true }).optional(),
  authors: z.array(z.object({ name: z.string().optional() })).optional(),
  _review: z.object({
    rating: reviewPayloadSchema.shape.rating,
    item: reviewPayloadSchema.shape.item,
    status: z.enum(['pending', 'published', 'rejected']).default('published'),
  }),
});

/** What an import did. */
export interface ImportResult {
  added: number;
  /** Already stored (by id): left as they are, so importing twice changes nothing. */
  skipped: number;
  /** Items that are not reviews, with the reason, e.g. `item 3: …`. */
  invalid: string[];
}

/**
 * Adds the reviews of a JSON Feed (as {@link exportFeed} writes, or any feed whose items carry
 * `_review`) to `store`. Idempotent by id: a review already there is skipped, never duplicated.
 * Items without a state are taken as published (they were public where they came from).
 */
export async function importFeed(store: ReviewStore, feed: unknown): Promise<ImportResult> {
  const items = z.object({ items: z.array(z.unknown()) }).safeParse(feed);
  if (!items.success) throw new TypeError('This is not a JSON Feed: it has no "items" list.');
  const result: ImportResult = { added: 0, skipped: 0, invalid: [] };
  for (const [index, raw] of items.data.items.entries()) {
    const parsed = importedItem.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      result.invalid.push(
        `item ${index + 1}${issue?.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue?.message ?? 'not a review'}`,
      );
      continue;
    }
    const { id, content_text, date_published, date_modified, authors, _review } = parsed.data;
    let added: boolean;
    try {
      added = await store.add({
        id,
        item: _review.item,
        rating: _review.rating,
        text: content_text,
        name: authors?.[0]?.name?.trim().slice(0, 100) ?? '',
        status: _review.status,
        ...(date_published ? { createdAt: new Date(date_published).toISOString() } : {}),
        ...(date_modified ? { updatedAt: new Date(date_modified).toISOString() } : {}),
      });
    } catch (error) {
      // The store's own checks (say, a NUL in a name, which the item's schema does not read): not a review it can keep.
      if (!(error instanceof RangeError)) throw error;
      result.invalid.push(`item ${index + 1}: ${error.message}`);
      continue;
    }
    if (added) result.added++;
    else result.skipped++;
  }
  return result;
}
