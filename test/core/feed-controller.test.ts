import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { LitElement, render, type TemplateResult } from 'lit';
import sinon from 'sinon';
import { NewsErrorEvent, NewsLoadEvent } from '../../src/core/events.js';
import { FeedController, type FeedHost } from '../../src/core/feed-controller.js';
import { FeedStore } from '../../src/core/feed-store.js';
import { parseFeed } from '../../src/core/parse-feed.js';
import { headline } from '../../src/core/text.js';
import type { Item } from '../../src/core/types.js';
import { FeedElement } from '../../src/elements/shared/feed-element.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { gate, stubFetch, uniqueUrl, type Reply } from '../helpers/fetch-stub.js';
import { realTask } from '../helpers/tasks.js';

/** A minimal element on the shared base, which shows its headlines and says what its controller holds. */
class CoreTestFeed extends FeedElement {
  protected renderItems(items: Item[]): TemplateResult {
    return html`<ul>${items.map((item) => html`<li>${headline(item)}</li>`)}</ul>`;
  }

  protected renderSkeleton(): TemplateResult {
    return html`<span></span>`;
  }

  /** What the controller gives the element. */
  get state() {
    const { status, feed, items, error } = this.feedState;
    return { status, feed, items, error };
  }

  /** What the Retry button does. */
  retry() {
    this.feedState.retry();
  }

  /** The headlines a reader sees. */
  get headlines() {
    return [...(this.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
  }
}
customElements.define('core-test-feed', CoreTestFeed);

declare global {
  interface HTMLElementTagNameMap {
    'core-test-feed': CoreTestFeed;
  }
}

const FEED = jsonFeed(newsItems(3));
const OTHER_FEED = jsonFeed(newsItems(4));
const absolute = (url: string) => new URL(url, location.href).href;

describe('FeedController', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  let consoleError: sinon.SinonStub;
  const serve = (reply: (url: string, init: RequestInit) => Reply | Promise<Reply>) =>
    (stub = stubFetch((url, init) => reply(url, init)));

  /**
   * Renders `template` (a plain wrapper around test elements) without waiting for an animation
   * frame, which never comes to a page in a background tab when test files run side by side.
   */
  async function wrapped(template: TemplateResult): Promise<HTMLElement> {
    const wrapper = fixtureSync<HTMLElement>(template);
    await Promise.all([...wrapper.querySelectorAll('core-test-feed')].map((el) => el.updateComplete));
    return wrapper;
  }

  /** Renders `template` inside a shadow root, as pages that compose widgets do, and returns the element. */
  async function inShadow(template: TemplateResult): Promise<CoreTestFeed> {
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    render(template, host.attachShadow({ mode: 'open' }));
    const el = host.shadowRoot!.querySelector('core-test-feed')!;
    await el.updateComplete;
    return el;
  }

  /** Every `type` event that reaches the document, with the element that fired it (inside any shadow root). */
  function heard<T extends Event>(type: string): (T & { origin: EventTarget })[] {
    const events: (T & { origin: EventTarget })[] = [];
    const listener = (event: Event) => events.push(Object.assign(event as T, { origin: event.composedPath()[0]! }));
    document.addEventListener(type, listener);
    cleanups.push(() => document.removeEventListener(type, listener));
    return events;
  }
  let cleanups: (() => void)[] = [];

  beforeEach(() => {
    consoleError = sinon.stub(console, 'error');
    sinon.stub(console, 'warn');
  });

  afterEach(() => {
    stub?.restore();
    stub = undefined;
    for (const cleanup of cleanups) cleanup();
    cleanups = [];
    sinon.restore();
  });

  describe('events', () => {
    it('fires news-load, bubbling and composed, with the feed', async () => {
      serve(() => ({ body: FEED }));
      const loads = heard<NewsLoadEvent>('news-load');
      const el = await inShadow(html`<core-test-feed src=${uniqueUrl()}></core-test-feed>`);
      await waitUntil(() => loads.length === 1);
      const [event] = loads;
      expect(event).to.be.instanceOf(NewsLoadEvent);
      expect(event!.bubbles && event!.composed).to.equal(true);
      expect(event!.origin === el, 'fired by the element').to.equal(true);
      expect(event!.detail.feed).to.equal(el.state.feed);
      expect(event!.detail.feed.items.map((item) => item.id)).to.deep.equal(['item-1', 'item-2', 'item-3']);
      await el.updateComplete;
      expect(el.state.status).to.equal('ready');
      expect(el.headlines).to.deep.equal(['Headline number 1', 'Headline number 2', 'Headline number 3']);
    });

    it('fires news-error, bubbling and composed, with a FeedError, and logs it once', async () => {
      serve(() => ({ status: 404, body: '<html>gone</html>', headers: { 'content-type': 'text/html' } }));
      const errors = heard<NewsErrorEvent>('news-error');
      const url = uniqueUrl();
      const el = await inShadow(html`<core-test-feed src=${url}></core-test-feed>`);
      await waitUntil(() => errors.length === 1);
      const [event] = errors;
      expect(event).to.be.instanceOf(NewsErrorEvent);
      expect(event!.bubbles && event!.composed).to.equal(true);
      expect(event!.origin === el, 'fired by the element').to.equal(true);
      expect(event!.detail.error).to.include({ name: 'FeedError', code: 'http', status: 404, url: absolute(url) });
      await el.updateComplete;
      expect(el.state.status).to.equal('error');
      expect(consoleError.callCount).to.equal(1);
      expect(String(consoleError.firstCall.args[0])).to.equal(
        `[feedlets] <core-test-feed>: ${event!.detail.error.message}`,
      );
    });

    it('tells every element about a shared failure, but the console only once', async () => {
      serve(() => ({ fail: true }));
      const errors = heard<NewsErrorEvent>('news-error');
      const url = uniqueUrl();
      await wrapped(html`<div>
        <core-test-feed src=${url}></core-test-feed><core-test-feed src=${url}></core-test-feed>
      </div>`);
      await waitUntil(() => errors.length === 2);
      expect(errors[0]!.detail.error).to.equal(errors[1]!.detail.error);
      expect(consoleError.callCount).to.equal(1);
    });
  });

  describe('sources', () => {
    it('reads an inline <script type="application/feed+json"> without any request', async () => {
      serve(() => ({ hang: true }));
      const loads = heard<NewsLoadEvent>('news-load');
      const el = await fixture<CoreTestFeed>(html`<core-test-feed>
        <script type="application/feed+json">
          ${JSON.stringify(jsonFeed([{ id: 1, title: 'Inline &amp; offline', url: 'story/1' }]))}
        </script>
      </core-test-feed>`);
      expect(el.state.status).to.equal('ready');
      expect(el.headlines).to.deep.equal(['Inline & offline']);
      expect(el.state.items[0]!.url).to.equal(new URL('story/1', document.baseURI).href);
      expect(stub!.calls).to.have.length(0);
      expect(loads).to.have.length(1);
      expect(loads[0]!.detail.feed).to.equal(el.state.feed);
    });

    it('reports an inline feed that is not JSON', async () => {
      const el = await fixture<CoreTestFeed>(html`<core-test-feed
        ><script type="application/feed+json">
          { not json
        </script></core-test-feed
      >`);
      expect(el.state.status).to.equal('error');
      expect(el.state.error!.code).to.equal('not-json');
    });

    it('waits for the page to be parsed before reading an inline feed', async () => {
      Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
      cleanups.push(() => delete (document as { readyState?: unknown }).readyState);
      const errors = heard<NewsErrorEvent>('news-error');
      const el = await fixture<CoreTestFeed>(html`<core-test-feed></core-test-feed>`);
      expect(el.state.status).to.equal('loading');
      const script = document.createElement('script');
      script.type = 'application/feed+json';
      script.textContent = JSON.stringify(FEED);
      el.append(script);
      delete (document as { readyState?: unknown }).readyState;
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await el.updateComplete;
      expect(el.state.status).to.equal('ready');
      expect(el.state.items).to.have.length(3);
      expect(errors).to.have.length(0);
    });

    it('reads the feed property as a JSON Feed object, as JSON text, or as a parsed Feed', async () => {
      const el = await fixture<CoreTestFeed>(html`<core-test-feed .feed=${FEED}></core-test-feed>`);
      expect(el.state.items).to.have.length(3);
      el.feed = JSON.stringify(OTHER_FEED);
      await el.updateComplete;
      expect(el.state.items).to.have.length(4);
      const parsed = parseFeed(jsonFeed(newsItems(2)));
      el.feed = parsed;
      await el.updateComplete;
      expect(el.state.feed).to.equal(parsed);
      expect(el.headlines).to.deep.equal(['Headline number 1', 'Headline number 2']);
    });

    it('reports a feed property that is not a feed', async () => {
      const el = await fixture<CoreTestFeed>(html`<core-test-feed .feed=${{ hello: 'world' }}></core-test-feed>`);
      expect(el.state.status).to.equal('error');
      expect(el.state.error!.code).to.equal('not-a-feed');
    });

    it('prefers the feed property to src', async () => {
      serve(() => ({ body: OTHER_FEED }));
      const el = await fixture<CoreTestFeed>(html`<core-test-feed src=${uniqueUrl()} .feed=${FEED}></core-test-feed>`);
      expect(el.state.items).to.have.length(3);
      expect(stub!.calls).to.have.length(0);
    });

    it('is idle with neither src nor an inline feed, and reads one added later on retry', async () => {
      const el = await fixture<CoreTestFeed>(html`<core-test-feed></core-test-feed>`);
      expect(el.state.status).to.equal('idle');
      expect(el.state.error).to.equal(undefined);
      const script = document.createElement('script');
      script.type = 'application/feed+json';
      script.textContent = JSON.stringify(FEED);
      el.append(script);
      el.retry();
      await el.updateComplete;
      expect(el.state.status).to.equal('ready');
    });

    for (const src of ['javascript:alert(1)', 'ftp://files.example/feed.json', 'data:application/json,{}']) {
      it(`refuses src="${src}" with invalid-url and makes no request`, async () => {
        serve(() => ({ body: FEED }));
        const el = await fixture<CoreTestFeed>(html`<core-test-feed src=${src}></core-test-feed>`);
        expect(el.state.error!.code).to.equal('invalid-url');
        expect(el.state.error!.message).to.contain(src);
        expect(stub!.calls).to.have.length(0);
      });
    }
  });

  describe('proxy', () => {
    it('fetches src through the proxy template', async () => {
      serve(() => ({ body: FEED }));
      const src = 'https://feeds.example/a.json?x=1&y=2';
      const el = await fixture<CoreTestFeed>(
        html`<core-test-feed src=${src} proxy="/proxy?url={url}"></core-test-feed>`,
      );
      await waitUntil(() => el.state.status === 'ready');
      expect(stub!.calls.map((call) => call.url)).to.deep.equal([absolute(`/proxy?url=${encodeURIComponent(src)}`)]);
    });

    it('resolves a relative src before handing it to the proxy', async () => {
      serve(() => ({ body: FEED }));
      const el = await fixture<CoreTestFeed>(
        html`<core-test-feed src="feeds/b.json" proxy="/proxy?u={url}"></core-test-feed>`,
      );
      await waitUntil(() => el.state.status === 'ready');
      expect(stub!.calls[0]!.url).to.equal(absolute(`/proxy?u=${encodeURIComponent(absolute('feeds/b.json'))}`));
    });

    it('refuses a proxy without {url}, an unsafe proxy and an unsafe src', async () => {
      serve(() => ({ body: FEED }));
      for (const [src, proxy] of [
        ['https://feeds.example/a.json', 'https://proxy.example/fixed'],
        ['https://feeds.example/a.json', 'javascript:fetch("{url}")'],
        ['javascript:alert(1)', 'https://proxy.example/?url={url}'],
      ]) {
        const el = await fixture<CoreTestFeed>(html`<core-test-feed src=${src!} proxy=${proxy!}></core-test-feed>`);
        expect(el.state.error!.code).to.equal('invalid-url');
      }
      expect(stub!.calls).to.have.length(0);
    });
  });

  describe('changes', () => {
    it('never lets an older response win when src changes while it is in flight', async () => {
      const slow = uniqueUrl('slow');
      const fast = uniqueUrl('fast');
      const slowAnswer = gate<Reply>();
      serve((url) => (url === absolute(slow) ? slowAnswer.promise : { body: OTHER_FEED }));
      const loads = heard<NewsLoadEvent>('news-load');
      const el = await fixture<CoreTestFeed>(html`<core-test-feed src=${slow}></core-test-feed>`);
      el.src = fast;
      await waitUntil(() => el.state.status === 'ready');
      // The old answer comes only now, after the new one.
      slowAnswer.open({ body: FEED });
      await stub!.callsTo(slow)[0]!.settled;
      await el.updateComplete;
      expect(el.state.items).to.have.length(4);
      expect(loads).to.have.length(1);
      expect(stub!.callsTo(slow)[0]!.aborted).to.equal(true);
    });

    it('ignores the old feed even when another element still reads it', async () => {
      const slow = uniqueUrl('slow');
      const fast = uniqueUrl('fast');
      const slowAnswer = gate<Reply>();
      serve((url) => (url === absolute(slow) ? slowAnswer.promise : { body: OTHER_FEED }));
      const wrapper = await wrapped(html`<div>
        <core-test-feed id="a" src=${slow}></core-test-feed><core-test-feed id="b" src=${slow}></core-test-feed>
      </div>`);
      const [a, b] = wrapper.querySelectorAll('core-test-feed');
      a!.src = fast;
      await waitUntil(() => a!.state.items.length === 4, 'a did not show the new feed');
      // The old answer comes only now: b still reads it, so it arrives, and must not reach a.
      slowAnswer.open({ body: FEED });
      await waitUntil(() => b!.state.items.length === 3, 'b did not get the old feed');
      await a!.updateComplete;
      expect(a!.state.items).to.have.length(4);
      expect(b!.state.items).to.have.length(3);
      expect(stub!.callsTo(slow)).to.have.length(1);
    });

    it('is empty when the selection is empty, and ready again when it is not', async () => {
      const el = await fixture<CoreTestFeed>(html`<core-test-feed category="sport" .feed=${FEED}></core-test-feed>`);
      expect(el.state.status).to.equal('empty');
      expect(el.state.items).to.deep.equal([]);
      el.category = 'economy';
      await el.updateComplete;
      expect(el.state.status).to.equal('ready');
      expect(el.headlines).to.deep.equal(['Headline number 3']);
      el.feed = jsonFeed([]);
      await el.updateComplete;
      expect(el.state.status).to.equal('empty');
    });

    it('keeps the last good feed when a reload fails, and reports the error', async () => {
      let fail = false;
      serve(() => (fail ? { status: 503 } : { body: FEED }));
      const errors = heard<NewsErrorEvent>('news-error');
      const el = await fixture<CoreTestFeed>(html`<core-test-feed src=${uniqueUrl()}></core-test-feed>`);
      await waitUntil(() => el.state.status === 'ready');
      fail = true;
      el.retry();
      await waitUntil(() => errors.length === 1);
      await el.updateComplete;
      expect(el.state.status).to.equal('ready');
      expect(el.state.error!.code).to.equal('http');
      expect(el.headlines).to.have.length(3);
    });

    it('recovers through the Retry button', async () => {
      let fail = true;
      serve(() => (fail ? { fail: true } : { body: FEED }));
      const el = await fixture<CoreTestFeed>(html`<core-test-feed src=${uniqueUrl()}></core-test-feed>`);
      await waitUntil(() => el.state.status === 'error');
      await el.updateComplete;
      fail = false;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => el.state.status === 'ready');
      expect(el.state.error).to.equal(undefined);
    });
  });

  describe('connection', () => {
    it('keeps its request and announces nothing again when moved in the page', async () => {
      const answer = gate<Reply>();
      serve(() => answer.promise);
      const loads = heard<NewsLoadEvent>('news-load');
      const wrapper = await wrapped(
        html`<div><section></section><core-test-feed src=${uniqueUrl()}></core-test-feed></div>`,
      );
      const el = wrapper.querySelector('core-test-feed')!;
      // Moved while its request is on its way.
      wrapper.querySelector('section')!.append(el);
      await el.updateComplete;
      answer.open({ body: FEED });
      await waitUntil(() => el.state.status === 'ready');
      // Moved once it has its feed: a new request or announcement would start in this update.
      wrapper.append(el);
      await el.updateComplete;
      expect(stub!.calls).to.have.length(1);
      expect(stub!.calls[0]!.aborted).to.equal(false);
      expect(loads).to.have.length(1);
    });

    it('aborts its request when removed from the page', async () => {
      serve(() => ({ hang: true }));
      const el = await fixture<CoreTestFeed>(html`<core-test-feed src=${uniqueUrl()}></core-test-feed>`);
      el.remove();
      // The store lets go in a microtask (a moved element is back within the task), so by the next
      // task it has: long before its own deadline would abort the request.
      await realTask();
      expect(stub!.calls[0]!.aborted).to.equal(true);
    });

    it('makes no request while detached, and loads the new src when attached again', async () => {
      serve(() => ({ body: FEED }));
      const wrapper = await wrapped(html`<div><core-test-feed .feed=${OTHER_FEED}></core-test-feed></div>`);
      const el = wrapper.querySelector('core-test-feed')!;
      el.remove();
      el.feed = undefined;
      el.src = uniqueUrl();
      // A request would start in this update.
      await el.updateComplete;
      expect(stub!.calls).to.have.length(0);
      wrapper.append(el);
      await waitUntil(() => el.state.items.length === 3);
      expect(stub!.calls).to.have.length(1);
    });
  });

  describe('any host', () => {
    /** Not the page store's 15 s: a timeout after this long comes from the host's own store. */
    const PLAIN_TIMEOUT = 5000;

    /** A host that is not a FeedElement, with its own store: the controller needs only FeedHost. */
    class PlainHost extends LitElement implements FeedHost {
      static override properties = { src: {} };
      src = '';
      refresh = 0;
      feed?: unknown;
      proxy = '';
      static store = new FeedStore({ storage: null, timeout: PLAIN_TIMEOUT });
      readonly controller = new FeedController(this, PlainHost.store);
      selectItems(items: Item[]) {
        return items.slice(0, 1);
      }
    }
    customElements.define('core-plain-host', PlainHost);

    it('gives any FeedHost its feed, selection and errors from the store it was given', async () => {
      serve((url) => (url.includes('/hang-') ? { hang: true } : { body: FEED }));
      const el = await fixture<PlainHost>(html`<core-plain-host src=${uniqueUrl()}></core-plain-host>`);
      await waitUntil(() => el.controller.status === 'ready');
      expect(el.controller.items.map((item) => item.id)).to.deep.equal(['item-1']);
      const errors: NewsErrorEvent[] = [];
      el.addEventListener('news-error', (event) => errors.push(event));
      // The store's deadline is a timer: the test moves that clock, so a busy machine cannot trip it.
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        el.src = uniqueUrl('hang');
        await el.updateComplete;
        await clock.tickAsync(PLAIN_TIMEOUT - 1);
        expect(errors, 'gave up early').to.have.length(0);
        await clock.tickAsync(1);
      } finally {
        clock.restore();
      }
      expect(errors.map((event) => event.detail.error.code)).to.deep.equal(['timeout']);
      await el.updateComplete;
      expect(el.controller.status).to.equal('error');
    });
  });
});
