import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/core/parse-feed.js';
import type { NewsCard } from '../../src/elements/news-card/news-card.js';
import { jsonFeed } from '../helpers/feeds.js';
import { waitUntil } from '../helpers/wait-until.js';

// A <news-card> alone on the page asks for its own language table through the loader: no other
// element loads Azerbaijani for it. Debian's Chromium lacks Azerbaijani in Intl; an engine that
// has it writes the same words as the table.
const HOUR = 3600 * 1000;
/** What Azerbaijani says of a date 2 hours ago, and of 23 January 2024. */
const EXPECTED = ['2 saat öncə', '23 yan 2024'];
const items = () =>
  parseFeed(
    jsonFeed([
      { id: 'recent', title: 'Two hours ago', date_published: new Date(Date.now() - 2 * HOUR - 60_000).toISOString() },
      { id: 'old', title: 'In January', date_published: new Date(2024, 0, 23, 12).toISOString() },
    ]),
  ).items;

describe('loader.ts: a <news-card> alone, in Azerbaijani', () => {
  it('loads its language table and writes Azerbaijani dates', async () => {
    const [recent, old] = items();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<news-card locale="az"></news-card><news-card locale="az"></news-card>',
    );
    const cards = [...document.querySelectorAll<NewsCard>('news-card')];
    // Set before the element is defined, as a page does while the loader fetches it.
    cards[0]!.item = recent;
    cards[1]!.item = old;
    await import('../../src/loader.js');
    const times = () => cards.map((card) => card.shadowRoot?.querySelector('[part="time"]')?.textContent);
    await waitUntil(() => times().join() === EXPECTED.join()).catch(() => {});
    expect(times()).to.deep.equal(EXPECTED);
  });
});
