import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { translator } from '../../src/core/strings.js';
import { jsonFeed } from '../helpers/feeds.js';

// The loader itself, from source: what it defines for a page of one Russian ticker, and what it
// leaves alone. Its chunks are the modules the build splits into dist/lazy/ (scripts/test-embed.mjs
// checks the built files and what a page downloads).
describe('loader.ts', () => {
  it('defines only the elements on the page, and a language table only once an element speaks it', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<news-ticker locale="ru"><script type="application/feed+json">${JSON.stringify(jsonFeed([]))}</script></news-ticker>`,
    );
    expect(translator('ru')('empty'), 'no Russian before the loader').to.equal('No headlines yet.');
    await import('../../src/loader.js');
    await customElements.whenDefined('news-ticker');
    const ticker = document.querySelector('news-ticker')!;
    await waitUntil(
      () => ticker.shadowRoot?.textContent?.includes('Пока нет новостей.'),
      'the ticker speaks Russian once its table arrives',
    );
    for (const tag of ['news-cards', 'news-card', 'news-categories', 'news-reviews'])
      expect(customElements.get(tag), tag).to.equal(undefined);
    expect(translator('az')('empty'), 'Azerbaijani, which nothing speaks, is not loaded').to.equal('No headlines yet.');
  });

  it('defines an element added later', async () => {
    const { watch } = await import('../../src/loader.js');
    expect(watch).to.be.a('function');
    const categories = document.createElement('news-categories');
    categories.innerHTML = `<script type="application/feed+json">${JSON.stringify(jsonFeed([]))}</script>`;
    document.body.append(categories);
    await customElements.whenDefined('news-categories');
  });
});
