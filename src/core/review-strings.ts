import type { Plural } from './strings.js';

/**
 * The English messages only `<news-reviews>` shows, apart from `en` so that a page without it
 * does not download them: the element hands them to `translator` (in `strings.ts`).
 */
export const reviewStrings = {
  reviews: 'Reviews',
  loadingReviews: 'Loading reviews…',
  reviewsError: 'The reviews could not be loaded.',
  leaveReview: 'Leave a review',
  yourRating: 'Your rating',
  stars: { one: '{n} star', other: '{n} stars' } as Plural,
  average: '{avg} out of 5',
  reviewCount: { one: '{n} review', other: '{n} reviews' } as Plural,
  noReviews: 'No reviews yet. Be the first.',
  yourReview: 'Your review',
  yourName: 'Your name',
  optional: '(optional)',
  send: 'Send review',
  sending: 'Sending…',
  sent: 'Thank you! Your review was sent.',
  pending: 'Awaiting moderation',
  failed: 'Your review could not be sent. Your text is kept.',
  retrying: 'Could not send yet. Trying again…',
  showMore: 'Show more',
  charsLeft: { one: '{n} character left', other: '{n} characters left' } as Plural,
  charsOver: { one: '{n} character too many', other: '{n} characters too many' } as Plural,
  ratingRequired: 'Choose a rating from 1 to 5 stars.',
  textRequired: 'Write a few words.',
  textTooLong: 'Shorten your review to {max} characters.',
  nameRequired: 'Enter your name.',
};
