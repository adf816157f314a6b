import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/core/feed-error.js';
import { FeedStore } from '../../src/core/feed-store.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';

describe('FeedStore.fetchOnce (a further page of a paged feed)', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;

  afterEach(() => stub?.restore());

  const absolute = (url: string) => new URL(url, document.baseURI).href;

  it('fetches and normalises a feed, resolving its links against its URL', async () => {
    const url = uniqueUrl('page');
    stub = stubFetch(() => ({ body: jsonFeed(newsItems(2), { next_url: 'page-3.json' }) }));
    const feed = await new FeedStore({ storage: null }).fetchOnce(absolute(url));
    expect(feed.items.map((item) => item.id)).to.deep.equal(['item-1', 'item-2']);
    expect(feed.nextUrl).to.equal(new URL('page-3.json', absolute(url)).href);
    expect(stub.calls.length).to.equal(1);
  });

  it('neither caches nor shares: each call asks the network', async () => {
    const url = absolute(uniqueUrl('page'));
    const storage = sessionStorage;
    stub = stubFetch(() => ({ body: jsonFeed(newsItems(1)) }));
    const store = new FeedStore({ storage });
    await store.fetchOnce(url);
    await store.fetchOnce(url);
    expect(stub.calls.length).to.equal(2);
    expect(storage.getItem(`feedlets:${url}`)).to.equal(null);
  });

  it('rejects with a FeedError the page can show', async () => {
    stub = stubFetch(() => ({ status: 404 }));
    const error = await new FeedStore({ storage: null }).fetchOnce(absolute(uniqueUrl())).catch((e: unknown) => e);
    expect(error instanceof FeedError, String(error)).to.equal(true);
    expect((error as FeedError).code).to.equal('http');
    expect((error as FeedError).status).to.equal(404);
  });

  it('gives up with `timeout` when the server does not answer', async () => {
    stub = stubFetch(() => ({ hang: true }));
    const error = await new FeedStore({ storage: null, timeout: 50 })
      .fetchOnce(absolute(uniqueUrl()))
      .catch((e: unknown) => e);
    expect((error as FeedError).code).to.equal('timeout');
    expect(stub.calls[0]!.aborted).to.equal(true);
  });

  it('does not fetch for a caller that already gave up', async () => {
    stub = stubFetch(() => ({ body: jsonFeed(newsItems(1)) }));
    const reason = new Error('gone');
    const error = await new FeedStore({ storage: null })
      .fetchOnce(absolute(uniqueUrl()), AbortSignal.abort(reason))
      .catch((e: unknown) => e);
    expect(error).to.equal(reason);
  });

  it('stops when its caller aborts, with the caller’s reason', async () => {
    stub = stubFetch(() => ({ hang: true }));
    const caller = new AbortController();
    const pending = new FeedStore({ storage: null })
      .fetchOnce(absolute(uniqueUrl()), caller.signal)
      .catch((e: unknown) => e);
    const reason = new Error('gone');
    caller.abort(reason);
    expect(await pending).to.equal(reason);
    expect(stub.calls[0]!.aborted).to.equal(true);
  });
});
