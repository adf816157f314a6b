import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedStore, type Snapshot } from '../../src/core/feed-store.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl, type Reply } from '../helpers/fetch-stub.js';
import { memoryStorage } from '../helpers/memory-storage.js';
import { NEWS_RSS } from '../helpers/xml-feeds.js';
import { realTask } from '../helpers/tasks.js';
import { restoreVisibility, setVisibility } from '../helpers/visibility.js';

const SECOND = 1000;
const FEED = jsonFeed(newsItems(3));
const OTHER_FEED = jsonFeed(newsItems(4));
const SECRET = 'secret-body-marker';
const HTML_PAGE = `<!doctype html><html><body><h1>Bad gateway</h1><p>${SECRET}</p></body></html>`;

/** The snapshots one subscriber receives. */
function subscriber(store: FeedStore, url: string, refresh = 0) {
  const seen: Snapshot[] = [];
  const unsubscribe = store.subscribe(url, (snapshot) => seen.push(snapshot), refresh);
  return { seen, unsubscribe, last: () => seen.at(-1) };
}

/** A header of a recorded request. */
const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name);

/** A cross-origin feed URL no other test uses. */
const crossOrigin = () => `https://feeds.example${uniqueUrl()}`;

describe('FeedStore', () => {
  let clock: sinon.SinonFakeTimers;
  let stub: ReturnType<typeof stubFetch> | undefined;
  let store: FeedStore;

  /** Answers every request with `reply` (a function gets the call number, from 1). */
  const serve = (reply: Reply | ((call: number, url: string, init: RequestInit) => Reply)) =>
    (stub = stubFetch((url, init, call) => (typeof reply === 'function' ? reply(call, url, init) : reply)));

  /** Lets everything due now finish (requests, body reads, listeners) without moving the clock. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await clock.tickAsync(0);
      await realTask();
    }
  };

  beforeEach(() => {
    setVisibility('visible');
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    store = new FeedStore({ storage: null, timeout: 10 * SECOND });
  });

  afterEach(() => {
    stub?.restore();
    stub = undefined;
    clock.restore();
    sinon.restore();
    restoreVisibility();
  });

  describe('sharing', () => {
    it('makes one request for five subscribers of one URL, and gives each the same feed', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      const readers = Array.from({ length: 5 }, () => subscriber(store, url));
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
      for (const { seen } of readers) {
        expect(seen).to.have.length(1);
        expect(seen[0]!.feed).to.equal(readers[0]!.seen[0]!.feed);
        expect(seen[0]!.loading).to.equal(false);
        expect(seen[0]!.error).to.equal(undefined);
      }
      expect(readers[0]!.last()!.feed!.items.map((item) => item.id)).to.deep.equal(['item-1', 'item-2', 'item-3']);
    });

    it('gives a later subscriber the current feed at once', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      const first = subscriber(store, url);
      await settle();
      const later = subscriber(store, url);
      expect(later.seen).to.have.length(1);
      expect(later.seen[0]!.feed).to.equal(first.last()!.feed);
      await clock.tickAsync(3600 * SECOND);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
    });

    it('starts polling when a later subscriber asks for refresh', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      subscriber(store, url);
      await settle();
      subscriber(store, url, 10);
      await clock.tickAsync(11 * SECOND + 1);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
    });

    it('keeps different URLs apart', async () => {
      serve((_call, url) => ({ body: url.includes('/b-') ? OTHER_FEED : FEED }));
      const a = subscriber(store, uniqueUrl('a'));
      const b = subscriber(store, uniqueUrl('b'));
      await settle();
      expect(a.last()!.feed!.items).to.have.length(3);
      expect(b.last()!.feed!.items).to.have.length(4);
    });

    it('resolves relative item URLs against the feed URL', async () => {
      serve({ body: jsonFeed([{ id: 1, title: 'A', url: 'story/1' }]) });
      const url = uniqueUrl();
      const reader = subscriber(store, url);
      await settle();
      expect(reader.last()!.feed!.items[0]!.url).to.equal(new URL('story/1', new URL(url, location.href)).href);
    });
  });

  describe('refresh', () => {
    it('polls at the refresh interval, with a little jitter', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      subscriber(store, url, 60);
      await settle();
      await clock.tickAsync(53 * SECOND);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
      await clock.tickAsync(13 * SECOND + 1);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
      await clock.tickAsync(66 * SECOND + 1);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(3);
    });

    it('polls at the shortest interval any subscriber asked for', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      subscriber(store, url, 600);
      subscriber(store, url, 30);
      await settle();
      await clock.tickAsync(33 * SECOND + 1);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
    });

    it('loads once when no subscriber asked for refresh', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      subscriber(store, url);
      await clock.tickAsync(3600 * SECOND);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
    });

    it('revalidates a same-origin feed with If-None-Match and If-Modified-Since, and a 304 notifies nobody', async () => {
      const modified = 'Thu, 21 Dec 2023 17:11:00 GMT';
      serve((call) =>
        call === 1 ? { body: FEED, headers: { etag: '"v1"', 'last-modified': modified } } : { status: 304 },
      );
      const url = uniqueUrl();
      const reader = subscriber(store, url, 10);
      await settle();
      await clock.tickAsync(11 * SECOND + 1);
      await settle();
      const calls = stub!.callsTo(url);
      expect(calls).to.have.length(2);
      expect(header(calls[0]!.init, 'if-none-match')).to.equal(null);
      expect(header(calls[1]!.init, 'if-none-match')).to.equal('"v1"');
      expect(header(calls[1]!.init, 'if-modified-since')).to.equal(modified);
      expect(calls[1]!.init.cache).to.equal('no-store');
      expect(reader.seen).to.have.length(1);
    });

    it('lets the browser revalidate a cross-origin feed, without headers that would need a preflight', async () => {
      serve({ body: FEED, headers: { etag: '"v1"' } });
      const url = crossOrigin();
      subscriber(store, url, 10);
      await settle();
      await clock.tickAsync(11 * SECOND + 1);
      await settle();
      const calls = stub!.callsTo(url);
      expect(calls).to.have.length(2);
      expect(header(calls[1]!.init, 'if-none-match')).to.equal(null);
      expect(calls[1]!.init.cache).to.equal('no-cache');
    });

    it('notifies nobody when a 200 brings the same body again', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      const reader = subscriber(store, url, 10);
      await settle();
      for (let refresh = 0; refresh < 2; refresh++) {
        await clock.tickAsync(11 * SECOND); // the period plus its jitter
        await settle();
      }
      expect(stub!.callsTo(url).length).to.equal(3);
      expect(reader.seen).to.have.length(1);
    });

    it('notifies every subscriber when the feed changes', async () => {
      serve((call) => ({ body: call === 1 ? FEED : OTHER_FEED }));
      const url = uniqueUrl();
      const a = subscriber(store, url, 10);
      const b = subscriber(store, url);
      await settle();
      await clock.tickAsync(11 * SECOND + 1);
      await settle();
      for (const reader of [a, b]) {
        expect(reader.seen).to.have.length(2);
        expect(reader.last()!.feed!.items).to.have.length(4);
      }
    });

    it('stops polling when the last subscriber leaves', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      const reader = subscriber(store, url, 10);
      await settle();
      reader.unsubscribe();
      await clock.tickAsync(120 * SECOND);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
    });
  });

  describe('failures and backoff', () => {
    it('backs off exponentially while the feed keeps failing, and returns to the interval after a success', async () => {
      const times: number[] = [];
      serve((call) => {
        times.push(Date.now());
        return call <= 4 ? { status: 500, body: 'oops' } : { body: FEED };
      });
      const url = uniqueUrl();
      subscriber(store, url, 10);
      await settle();
      await clock.tickAsync(400 * SECOND);
      await settle();
      const delays = times.slice(1).map((time, i) => time - times[i]!);
      expect(delays[0]).to.be.within(18 * SECOND, 22 * SECOND);
      expect(delays[1]).to.be.within(36 * SECOND, 44 * SECOND);
      expect(delays[2]).to.be.within(72 * SECOND, 88 * SECOND);
      expect(delays[3]).to.be.within(144 * SECOND, 176 * SECOND);
      expect(delays[4]).to.be.within(9 * SECOND, 11 * SECOND);
    });

    it('waits as long as Retry-After says, in seconds or as a date', async () => {
      const times: number[] = [];
      serve((call) => {
        times.push(Date.now());
        if (call === 1) return { status: 503, headers: { 'retry-after': '120' } };
        if (call === 2)
          return { status: 429, headers: { 'retry-after': new Date(Date.now() + 300 * SECOND).toUTCString() } };
        return { body: FEED };
      });
      subscriber(store, uniqueUrl(), 10);
      await settle();
      await clock.tickAsync(600 * SECOND);
      await settle();
      expect(times[1]! - times[0]!).to.be.within(120 * SECOND, 121 * SECOND);
      expect(times[2]! - times[1]!).to.be.within(299 * SECOND, 301 * SECOND);
    });

    it('keeps the last good feed next to the error of a failed refresh, and clears the error when it recovers', async () => {
      serve((call) => (call === 2 ? { status: 500 } : { body: FEED }));
      const url = uniqueUrl();
      const reader = subscriber(store, url, 10);
      await settle();
      const good = reader.last()!.feed;
      await clock.tickAsync(11 * SECOND + 1);
      await settle();
      expect(reader.last()!.feed).to.equal(good);
      expect(reader.last()!.error!.code).to.equal('http');
      await clock.tickAsync(23 * SECOND);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(3);
      expect(reader.last()).to.deep.equal({ feed: good, loading: false });
    });

    it('reports an HTTP error with the URL and status, never the body', async () => {
      for (const [status, what] of [
        [404, 'returned an HTML page (status 404), not a JSON Feed: check the src URL'],
        [502, 'returned an HTML page (status 502), not a JSON Feed'],
      ] as const) {
        serve({ status, body: HTML_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } });
        const url = uniqueUrl();
        const reader = subscriber(store, url);
        await settle();
        stub!.restore();
        const { error, feed } = reader.last()!;
        expect(feed).to.equal(undefined);
        expect(error).to.include({ code: 'http', status, url: new URL(url, location.href).href });
        expect(error!.message).to.contain(new URL(url, location.href).href).and.contain(what);
        expect(error!.message).not.to.contain(SECRET);
      }
    });

    it('calls a non-HTML error response an error', async () => {
      serve({ status: 500, body: { error: SECRET }, headers: { 'content-type': 'application/json' } });
      const reader = subscriber(store, uniqueUrl());
      await settle();
      expect(reader.last()!.error!.message).to.contain('returned an error (status 500)').and.not.contain(SECRET);
    });

    it('refuses an HTML page served with status 200 as not-json', async () => {
      serve({ body: HTML_PAGE, headers: { 'content-type': 'text/html' } });
      const url = uniqueUrl();
      const reader = subscriber(store, url);
      await settle();
      const { error } = reader.last()!;
      expect(error!.code).to.equal('not-json');
      expect(error!.message).to.contain(new URL(url, location.href).href).and.contain('is an HTML page');
      expect(error!.message).not.to.contain(SECRET);
    });

    it('reads a JSON Feed served with the wrong content type', async () => {
      serve({ body: FEED, headers: { 'content-type': 'text/html' } });
      const reader = subscriber(store, uniqueUrl());
      await settle();
      expect(reader.last()!.feed!.items).to.have.length(3);
    });

    it('refuses JSON that is not a feed as not-a-feed', async () => {
      serve({ body: { hello: 'world' } });
      const reader = subscriber(store, uniqueUrl());
      await settle();
      expect(reader.last()!.error!.code).to.equal('not-a-feed');
    });

    it('gives up on a request that takes longer than the timeout', async () => {
      serve({ hang: true });
      const url = uniqueUrl();
      const reader = subscriber(store, url);
      await clock.tickAsync(10 * SECOND - 1);
      await settle();
      expect(reader.seen).to.have.length(0);
      await clock.tickAsync(1);
      await settle();
      expect(stub!.callsTo(url)[0]!.aborted).to.equal(true);
      const { error } = reader.last()!;
      expect(error!.code).to.equal('timeout');
      expect(error!.message).to.equal(`${new URL(url, location.href).href} did not answer within 10 s`);
    });

    it('refuses a body larger than maxBytes, with or without Content-Length', async () => {
      store = new FeedStore({ storage: null, maxBytes: 1000 });
      const big = JSON.stringify(jsonFeed([{ id: 1, title: 'Ж'.repeat(600) }]));
      const withLength: Record<string, string> = { 'content-length': String(new TextEncoder().encode(big).length) };
      for (const headers of [withLength, {}]) {
        serve({ body: big, headers });
        const reader = subscriber(store, uniqueUrl());
        await settle();
        stub!.restore();
        expect(reader.last()!.error!.code).to.equal('too-large');
        expect(reader.last()!.error!.message).to.contain('larger than 1 KB');
      }
    });

    it('accepts a body just under maxBytes', async () => {
      const body = JSON.stringify(jsonFeed([{ id: 1, title: 'Ж' }]));
      store = new FeedStore({ storage: null, maxBytes: new TextEncoder().encode(body).length });
      serve({ body });
      const reader = subscriber(store, uniqueUrl());
      await settle();
      expect(reader.last()!.feed!.items[0]!.title).to.equal('Ж');
    });

    it('says cors, and how to fix it, when a cross-origin request fails but the server answers', async () => {
      serve((_call, _url, init) => (init.mode === 'no-cors' ? { body: '' } : { fail: true }));
      const url = crossOrigin();
      const reader = subscriber(store, url);
      await clock.tickAsync(1); // the failed request, then the no-cors probe
      const { error } = reader.last()!;
      expect(error!.code).to.equal('cors');
      expect(error!.cause, 'the failed request').to.be.instanceOf(TypeError);
      expect(error!.message)
        .to.contain('https://feeds.example')
        .and.contain('Access-Control-Allow-Origin')
        .and.contain('proxy');
      expect(stub!.callsTo(url)).to.have.length(2);
    });

    it('says network when the server cannot be reached at all', async () => {
      serve({ fail: true });
      const cross = subscriber(store, crossOrigin());
      const same = uniqueUrl();
      const local = subscriber(store, same);
      await clock.tickAsync(1); // the failed request, then the no-cors probe
      for (const reader of [cross, local]) {
        expect(reader.last()!.error!.code).to.equal('network');
        expect(reader.last()!.error!.message).to.contain('could not be reached');
        expect(reader.last()!.error!.cause, 'the refused connection').to.be.instanceOf(TypeError);
      }
      // A same-origin failure cannot be CORS, so there is no probe.
      expect(stub!.callsTo(same)).to.have.length(1);
    });
  });

  describe('abort', () => {
    it('aborts the request when the last subscriber leaves', async () => {
      serve({ hang: true });
      const url = uniqueUrl();
      const a = subscriber(store, url);
      const b = subscriber(store, url);
      await settle();
      a.unsubscribe();
      await settle();
      const [call] = stub!.callsTo(url);
      expect(call!.aborted).to.equal(false);
      b.unsubscribe();
      await settle();
      expect(call!.aborted).to.equal(true);
      expect((call!.init.signal as AbortSignal).aborted).to.equal(true);
      await clock.tickAsync(60 * SECOND);
      await settle();
      expect(a.seen.concat(b.seen)).to.have.length(0);
    });

    it('keeps the request when a subscriber leaves and another joins in the same task (a moved element)', async () => {
      serve({ body: FEED, delay: 100 });
      const url = uniqueUrl();
      const first = subscriber(store, url);
      await settle();
      first.unsubscribe();
      const moved = subscriber(store, url);
      await clock.tickAsync(100);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
      expect(stub!.callsTo(url)[0]!.aborted).to.equal(false);
      expect(moved.last()!.feed!.items).to.have.length(3);
      expect(first.seen).to.have.length(0);
    });

    it('starts afresh when a subscriber comes back after everyone left', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      subscriber(store, url).unsubscribe();
      await settle();
      const back = subscriber(store, url);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
      expect(back.last()!.feed!.items).to.have.length(3);
    });
  });

  describe('hidden page', () => {
    it('does not poll while the page is hidden, and catches up when it is shown', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      subscriber(store, url, 10);
      await settle();
      setVisibility('hidden');
      await clock.tickAsync(600 * SECOND);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
      setVisibility('visible');
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
      await clock.tickAsync(11 * SECOND + 1);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(3);
    });

    it('does not load twice when reloaded while waiting to be shown', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      subscriber(store, url, 10);
      await settle();
      setVisibility('hidden');
      await clock.tickAsync(20 * SECOND);
      await settle();
      store.reload(new URL(url, location.href).href);
      store.reload(url);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
      setVisibility('visible');
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
    });
  });

  describe('reload', () => {
    it('loads again at once, unless a request is already on its way', async () => {
      serve((call) => ({ body: call === 1 ? FEED : OTHER_FEED, delay: 50 }));
      const url = uniqueUrl();
      const reader = subscriber(store, url);
      store.reload(url);
      await clock.tickAsync(50);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(1);
      store.reload(url);
      store.reload(url);
      await clock.tickAsync(50);
      await settle();
      expect(stub!.callsTo(url)).to.have.length(2);
      expect(reader.last()!.feed!.items).to.have.length(4);
      store.reload(uniqueUrl());
      expect(stub!.calls).to.have.length(2);
    });
  });

  describe('sessionStorage (stale-while-revalidate)', () => {
    it('paints a reloaded page at once from storage, then revalidates', async () => {
      const storage = memoryStorage();
      const url = uniqueUrl();
      serve({ body: FEED, headers: { etag: '"v1"' } });
      subscriber(new FeedStore({ storage }), url);
      await settle();
      stub!.restore();

      serve({ status: 304, delay: 100 });
      const reader = subscriber(new FeedStore({ storage }), url);
      expect(reader.seen).to.have.length(1);
      expect(reader.seen[0]!.loading).to.equal(true);
      expect(reader.seen[0]!.feed!.items.map((item) => item.title)).to.deep.equal([
        'Headline number 1',
        'Headline number 2',
        'Headline number 3',
      ]);
      await clock.tickAsync(100);
      await settle();
      expect(header(stub!.callsTo(url)[0]!.init, 'if-none-match')).to.equal('"v1"');
      expect(reader.seen).to.have.length(2);
      expect(reader.last()).to.deep.equal({ feed: reader.seen[0]!.feed, loading: false });
    });

    it('paints a stored RSS feed once the XML reader arrives, while the network has not answered', async () => {
      const storage = memoryStorage();
      const url = uniqueUrl();
      serve({ body: NEWS_RSS, headers: { 'content-type': 'application/rss+xml', etag: '"v1"' } });
      const first = subscriber(new FeedStore({ storage }), url);
      // The XML reader is imported on the first XML feed: wait for it, however long that takes.
      while (!first.last()?.feed) await settle();
      stub!.restore();

      serve({ hang: true });
      const reader = subscriber(new FeedStore({ storage }), url);
      expect(reader.seen, 'nothing before the reader has read the stored XML').to.have.length(0);
      while (!reader.seen.length) await settle();
      expect(reader.seen).to.have.length(1);
      expect(reader.seen[0]!.loading).to.equal(true);
      expect(reader.seen[0]!.feed!.title).to.equal('Turan News');
      // No body kept for a stored XML feed: the request is unconditional, so a 304 cannot come back.
      expect(header(stub!.callsTo(url)[0]!.init, 'if-none-match')).to.equal(null);
    });

    it('replaces the stored feed when the revalidation brings a new one', async () => {
      const storage = memoryStorage();
      const url = uniqueUrl();
      serve({ body: FEED });
      subscriber(new FeedStore({ storage }), url);
      await settle();
      stub!.restore();
      serve({ body: OTHER_FEED });
      const reader = subscriber(new FeedStore({ storage }), url);
      await settle();
      expect(reader.last()!.feed!.items).to.have.length(4);
      stub!.restore();
      serve({ hang: true });
      expect(subscriber(new FeedStore({ storage }), url).seen[0]!.feed!.items).to.have.length(4);
    });

    it('ignores a corrupt stored entry', async () => {
      const storage = memoryStorage();
      const url = uniqueUrl();
      serve({ body: FEED });
      subscriber(new FeedStore({ storage }), url);
      await settle();
      expect(storage.length).to.equal(1);
      storage.setItem(storage.key(0)!, '{"body": "not a feed"');
      stub!.restore();
      serve({ hang: true });
      const reader = subscriber(new FeedStore({ storage }), url);
      expect(reader.seen).to.have.length(0);
      expect(storage.length).to.equal(0);
    });

    it('works on when storage refuses to store', async () => {
      const storage = memoryStorage();
      storage.setItem = () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
      serve({ body: FEED });
      const reader = subscriber(new FeedStore({ storage }), uniqueUrl());
      await settle();
      expect(reader.last()!.feed!.items).to.have.length(3);
    });

    it('uses sessionStorage by default', async () => {
      serve({ body: FEED });
      const url = uniqueUrl();
      const before = sessionStorage.length;
      subscriber(new FeedStore(), url).unsubscribe();
      await settle();
      const added = sessionStorage.length - before;
      for (let i = sessionStorage.length - 1; i >= 0; i--) {
        const key = sessionStorage.key(i)!;
        if (key.includes(url)) sessionStorage.removeItem(key);
      }
      expect(added).to.equal(0, 'an aborted load stores nothing');
      const reader = subscriber(new FeedStore(), url);
      await settle();
      reader.unsubscribe();
      const stored = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)!).filter((key) =>
        key.includes(url),
      );
      for (const key of stored) sessionStorage.removeItem(key);
      expect(stored).to.have.length(1);
    });
  });
});
