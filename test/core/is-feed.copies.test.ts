import { expect } from '@open-wc/testing';
import { isFeed, parseFeed } from '../../src/core/parse-feed.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';

type Normalise = typeof import('../../src/core/normalise.js');

/** A second copy of the module that marks parsed feeds, as a script-tag bundle beside an npm copy has. */
const otherCopy = async (): Promise<Normalise> =>
  (await import(/* @vite-ignore */ new URL(`../../src/core/normalise.ts?copy=2`, import.meta.url).href)) as Normalise;

describe('isFeed across copies of the library', () => {
  it('trusts a feed parsed by another copy, both ways', async () => {
    const other = await otherCopy();
    expect(other.isFeed).not.to.equal(isFeed);
    const feed = parseFeed(jsonFeed(newsItems(2)));
    expect(other.isFeed(feed)).to.equal(true);
    const theirs = other.markNormalised({ title: 'Theirs', items: [] });
    expect(isFeed(theirs)).to.equal(true);
  });

  it('never trusts data that only looks like a parsed feed', async () => {
    const other = await otherCopy();
    const feed = parseFeed(jsonFeed(newsItems(2)));
    // JSON and structured clones carry no symbols: nothing from the network can claim the mark.
    for (const copy of [JSON.parse(JSON.stringify(feed)) as unknown, structuredClone(feed), { ...feed }]) {
      expect(isFeed(copy)).to.equal(false);
      expect(other.isFeed(copy)).to.equal(false);
    }
    expect(Object.keys(feed)).not.to.include('feedlets.feed');
  });
});
