import { expect } from '@open-wc/testing';
import { jsonFeed } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { waitUntil } from '../helpers/wait-until.js';

// Through the loader, Azerbaijani arrives after the cards have drawn their dates: a feed given
// inline, answered at once or restored from sessionStorage is on screen before the table. Debian's
// Chromium lacks Azerbaijani ("2024 M01 23"); an engine that has it writes the same words as the table.
const HOUR = 3600 * 1000;
/** What Azerbaijani says of a date 2 hours ago, and of 23 January 2024. */
const EXPECTED = ['2 saat öncə', '23 yan 2024'];
const feed = () =>
  jsonFeed([
    { id: 'recent', title: 'Two hours ago', date_published: new Date(Date.now() - 2 * HOUR - 60_000).toISOString() },
    { id: 'old', title: 'In January', date_published: new Date(2024, 0, 23, 12).toISOString() },
  ]);
const inline = () => `<script type="application/feed+json">${JSON.stringify(feed())}</script>`;

describe('loader.ts: Azerbaijani dates on cards drawn before the language table arrives', () => {
  it('writes Azerbaijani months and relative times for an inline, an answered-at-once and a restored feed', async () => {
    const answered = uniqueUrl();
    const restored = uniqueUrl();
    sessionStorage.setItem(
      `feedlets:${new URL(restored, location.href).href}`,
      JSON.stringify({ body: JSON.stringify(feed()) }),
    );
    const stub = stubFetch((url) => (url.endsWith(answered) ? { body: feed() } : { hang: true }));
    try {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<news-cards locale="az" class="inline">${inline()}</news-cards>
        <news-cards locale="az" class="answered" src="${answered}"></news-cards>
        <news-cards locale="az" class="restored" src="${restored}"></news-cards>`,
      );
      await import('../../src/loader.js');
      const kinds = ['inline', 'answered', 'restored'];
      const shown = () =>
        Object.fromEntries(
          kinds.map((kind) => {
            const root = document.querySelector(`news-cards.${kind}`)!.shadowRoot;
            return [kind, [...(root?.querySelectorAll('[part="time"]') ?? [])].map((time) => time.textContent)];
          }),
        );
      const expected = Object.fromEntries(kinds.map((kind) => [kind, EXPECTED]));
      await waitUntil(() => JSON.stringify(shown()) === JSON.stringify(expected)).catch(() => {});
      expect(shown()).to.deep.equal(expected);
    } finally {
      stub.restore();
      sessionStorage.clear();
    }
  });
});
