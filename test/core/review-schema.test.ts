import { expect } from '@open-wc/testing';
import { reviewPayloadSchema } from '../../src/core/review-schema.js';

describe('reviewPayloadSchema', () => {
  const valid = {
    id: '2b7e9c14-5d6f-4a8b-9c0d-1e2f3a4b5c6d',
    item: 'tag:news.example,2023-12-21:karabakh',
    rating: 4,
    text: '  A fair summary.  ',
    name: 'Aysel',
  };

  it('accepts a review and trims its text', () => {
    expect(reviewPayloadSchema.parse(valid)).to.deep.equal({ ...valid, text: 'A fair summary.' });
  });

  it('accepts a review with an empty name (the reader gave none), and one made by crypto.randomUUID()', () => {
    const anonymous = { id: crypto.randomUUID(), item: valid.item, rating: 5, text: 'Good.', name: '' };
    expect(reviewPayloadSchema.parse(anonymous)).to.deep.equal(anonymous);
  });

  const wrong: [string, Record<string, unknown>][] = [
    ['an id that is not a UUID', { id: 'review-1' }],
    ['a rating of 0', { rating: 0 }],
    ['a rating of 6', { rating: 6 }],
    ['a rating of 3.5', { rating: 3.5 }],
    ['a rating given as text', { rating: '4' }],
    ['blank text', { text: '   ' }],
    ['text of 5001 characters', { text: 'x'.repeat(5001) }],
    ['an empty item', { item: '' }],
    ['a name of 101 characters', { name: 'x'.repeat(101) }],
  ];
  for (const [what, change] of wrong) {
    it(`refuses ${what}`, () => {
      const result = reviewPayloadSchema.safeParse({ ...valid, ...change });
      expect(result.success).to.equal(false);
      expect(result.error!.issues[0]!.path[0]).to.equal(Object.keys(change)[0]);
    });
  }

  it('accepts a review with no name at all, from a client other than the element', () => {
    const nameless: Record<string, unknown> = { ...valid };
    delete nameless.name;
    expect(reviewPayloadSchema.safeParse(nameless).success).to.equal(true);
  });

  it('accepts text of exactly 5000 characters', () => {
    expect(reviewPayloadSchema.safeParse({ ...valid, text: 'x'.repeat(5000) }).success).to.equal(true);
  });
});
