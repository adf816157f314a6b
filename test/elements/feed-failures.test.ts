import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import type { NewsErrorEvent } from '../../src/core/events.js';
import { FeedError } from '../../src/core/feed-error.js';
import '../../src/define/news-ticker.js';
import type { NewsTicker } from '../../src/define/news-ticker.js';
import '../../src/locales/az.js';
import '../../src/locales/ru.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';

// What a reader sees, and what the page is told, when a feed fails in the ways a new user met.

const part = (el: NewsTicker, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const busy = (el: NewsTicker) => part(el, 'base')!.getAttribute('aria-busy');

/** A body that sends its first bytes and then breaks off, as a dropped connection does. */
function brokenBody(text: string) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text.slice(0, 40)));
    },
    pull(controller) {
      controller.error(new TypeError('network error'));
    },
  });
}

describe('feed failures an element shows', () => {
  const original = window.fetch;
  let stub: ReturnType<typeof stubFetch> | undefined;

  afterEach(() => {
    window.fetch = original;
    stub?.restore();
    stub = undefined;
  });

  it('leaves the skeleton for an error with Retry when the connection drops while the body is read', async () => {
    const url = uniqueUrl();
    let calls = 0;
    window.fetch = async () => {
      calls++;
      const body = JSON.stringify(jsonFeed(newsItems(2)));
      return new Response(calls === 1 ? brokenBody(body) : body, {
        headers: { 'content-type': 'application/feed+json' },
      });
    };
    const el = await fixture<NewsTicker>(html`<news-ticker></news-ticker>`);
    const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    el.src = url;
    const { error } = (await failed).detail;
    expect(error).to.be.instanceOf(FeedError);
    expect(error.code).to.equal('network');
    expect(error.cause).to.be.instanceOf(TypeError);
    expect(error.message).to.contain(new URL(url, location.href).href).and.contain('broke off');
    await waitUntil(() => part(el, 'retry'), 'no Retry button');
    expect(busy(el)).to.equal('false');
    expect(part(el, 'skeleton')).to.equal(null);
    part(el, 'retry')!.click();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Headline number 2'), 'Retry did not load the feed');
  });

  describe('an element with neither src nor feed', () => {
    it('waits quietly: no error, no event, nothing busy; then shows the feed it is given', async () => {
      const errors: unknown[] = [];
      const logged: unknown[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        host.addEventListener('news-error', (event) => errors.push(event));
        const el = document.createElement('news-ticker');
        host.append(el);
        await el.updateComplete;
        // A few frames for anything that would come late.
        for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
        expect(errors).to.deep.equal([]);
        expect(logged).to.deep.equal([]);
        expect(part(el, 'retry')).to.equal(null);
        expect(part(el, 'error')).to.equal(null);
        expect(busy(el)).to.equal('false');
        await expect(el).to.be.accessible();
        // The README's developer snippet: the feed arrives later, as a property.
        const loaded = oneEvent(el, 'news-load');
        el.feed = jsonFeed(newsItems(2));
        await loaded;
        await waitUntil(() => el.shadowRoot!.textContent!.includes('Headline number 1'));
        expect(errors).to.deep.equal([]);
        expect(logged).to.deep.equal([]);
      } finally {
        console.error = consoleError;
      }
    });

    it('still says when a src it is given is not a URL', async () => {
      const el = await fixture<NewsTicker>(html`<news-ticker></news-ticker>`);
      const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
      el.src = 'javascript:alert(1)';
      expect((await failed).detail.error.code).to.equal('invalid-url');
    });
  });

  describe('a cross-origin feed refused by CORS', () => {
    const cors = () => (stub = stubFetch((_url, init) => (init.mode === 'no-cors' ? { body: '' } : { fail: true })));

    for (const [lang, words] of [
      ['en', 'does not allow this site'],
      ['ru', 'не разрешает'],
      ['az', 'icazə vermir'],
    ] as const) {
      it(`names the cause on screen in a short sentence (${lang}), and the console keeps the advice`, async () => {
        cors();
        const logged: string[] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
        try {
          const url = `https://feeds.example${uniqueUrl()}`;
          const el = await fixture<NewsTicker>(html`<news-ticker locale=${lang}></news-ticker>`);
          const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
          el.src = url;
          expect((await failed).detail.error.code).to.equal('cors');
          await waitUntil(() => part(el, 'retry'));
          const shown = part(el, 'error')!.textContent!.replace(/\s+/g, ' ');
          expect(shown).to.contain(words);
          expect(shown).to.contain('feeds.example');
          expect(shown).not.to.contain('Access-Control-Allow-Origin');
          expect(logged.join('\n')).to.contain('Access-Control-Allow-Origin').and.contain('proxy');
          await expect(el).to.be.accessible();
        } finally {
          console.error = consoleError;
        }
      });
    }

    it('shows the generic message for other failures', async () => {
      const url = uniqueUrl();
      stub = stubFetch(() => ({ status: 500 }));
      const el = await fixture<NewsTicker>(html`<news-ticker src=${url}></news-ticker>`);
      await waitUntil(() => part(el, 'retry'));
      expect(part(el, 'error')!.textContent).to.contain('The news could not be loaded.');
    });
  });
});
