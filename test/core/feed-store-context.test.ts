import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { FeedStore } from '../../src/core/feed-store.js';
import { provideFeedStore } from '../../src/core/feed-store-context.js';
import '../../src/define/news-cards.js';
import type { NewsCards } from '../../src/define/news-cards.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { memoryStorage } from '../helpers/memory-storage.js';

// A store given to a subtree is what its elements read through: here each store's storage holds
// a different copy of one feed URL, and the network never answers, so what a reader sees tells
// which store the element used.

const titles = (el: NewsCards) =>
  [...el.shadowRoot!.querySelectorAll('[part="title"]')].map((title) => title.textContent!.trim());

/** A store whose saved copy of `url` is `feed`, as after a reload. */
function storeWith(url: string, feed: object, maxBytes?: number) {
  const storage = memoryStorage();
  storage.setItem(`feedlets:${new URL(url, document.baseURI).href}`, JSON.stringify({ body: JSON.stringify(feed) }));
  return new FeedStore({ storage, maxBytes });
}

describe('feedStoreContext', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => stub?.restore());

  it('lets a plain ancestor give the elements inside it their own store, and the rest keep the page’s', async () => {
    stub = stubFetch(() => ({ hang: true }));
    const url = uniqueUrl();
    const page = await fixture<HTMLDivElement>(html`<div><section></section><section></section></div>`);
    const [first, second] = page.querySelectorAll('section');
    provideFeedStore(first!, storeWith(url, jsonFeed([{ id: 'a', title: 'From the first store' }])));
    const other = provideFeedStore(second!, storeWith(url, jsonFeed([{ id: 'b', title: 'From the second store' }])));

    const inFirst = document.createElement('news-cards');
    const inSecond = document.createElement('news-cards');
    const outside = document.createElement('news-cards');
    for (const el of [inFirst, inSecond, outside]) el.src = url;
    first!.append(inFirst);
    second!.append(inSecond);
    page.append(outside);
    await waitUntil(() => titles(inFirst).length && titles(inSecond).length, 'no feed from the stores', {
      timeout: 5000,
    });
    expect(titles(inFirst)).to.deep.equal(['From the first store']);
    expect(titles(inSecond)).to.deep.equal(['From the second store']);
    await outside.updateComplete;
    expect(titles(outside), 'the page-wide store has no copy and the network hangs').to.deep.equal([]);

    // Another store for the subtree: its elements read from it.
    const loaded = oneEvent(inSecond, 'news-load');
    other.setValue(storeWith(url, jsonFeed([{ id: 'c', title: 'From a third store' }])));
    await loaded;
    await inSecond.updateComplete;
    expect(titles(inSecond)).to.deep.equal(['From a third store']);
  });

  it('follows an element moved into another subtree, and no longer hears from the store it left', async () => {
    stub = stubFetch(() => ({ hang: true }));
    const url = uniqueUrl();
    const page = await fixture<HTMLDivElement>(html`<div><section></section><section></section></div>`);
    const [first, second] = page.querySelectorAll('section');
    const left = provideFeedStore(first!, storeWith(url, jsonFeed([{ id: 'a', title: 'From the first store' }])));
    provideFeedStore(second!, storeWith(url, jsonFeed([{ id: 'b', title: 'From the second store' }])));
    const el = document.createElement('news-cards');
    el.src = url;
    first!.append(el);
    await waitUntil(() => titles(el).length, 'no feed from the first store', { timeout: 5000 });

    const loaded = oneEvent(el, 'news-load');
    second!.append(el);
    await loaded;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['From the second store']);

    // The store it left changes: the moved element must not follow it. An element that stayed
    // there shows the change, by when the moved one would have too.
    const stayed = document.createElement('news-cards');
    stayed.src = url;
    first!.append(stayed);
    await waitUntil(() => titles(stayed).length, 'no feed from the first store', { timeout: 5000 });
    left.setValue(storeWith(url, jsonFeed([{ id: 'c', title: 'From the store left behind' }])));
    await waitUntil(() => titles(stayed)[0] === 'From the store left behind', 'the first store did not change', {
      timeout: 5000,
    });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['From the second store']);
  });

  it('pages through the store it was given, with that store’s limits', async () => {
    const url = uniqueUrl();
    const next = uniqueUrl('next');
    stub = stubFetch((requested) =>
      requested === new URL(next, location.href).href ? { body: jsonFeed(newsItems(10).slice(2)) } : { hang: true },
    );
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    // A store that reads at most 1 KB: the next page is more.
    provideFeedStore(host, storeWith(url, jsonFeed(newsItems(2), { next_url: next }), 1024));
    const el = document.createElement('news-cards');
    el.src = url;
    el.paginate = true;
    host.append(el);
    await waitUntil(() => titles(el).length === 2, 'no feed from the store', { timeout: 5000 });
    const failed = oneEvent(el, 'news-error');
    el.shadowRoot!.querySelector<HTMLElement>('[part="more"]')!.click();
    expect((await failed).detail.error.code).to.equal('too-large');
    expect(titles(el)).to.have.length(2);
  });
});
