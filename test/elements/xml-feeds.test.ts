import { expect, fixture, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { html } from 'lit';
import sinon from 'sinon';
import type { NewsErrorEvent } from '../../src/core/events.js';
import { readFeed } from '../../src/core/read-feed.js';
import '../../src/define/index.js';
import type { FeedElement } from '../../src/elements/shared/feed-element.js';
import { HOSTILE_TEXT, HOSTILE_URLS } from '../helpers/feeds.js';
import { stubFetch } from '../helpers/fetch-stub.js';
import { BLOG_ATOM, NEWS_RSS, legacyBytes, rssWithTitle, utf8 } from '../helpers/xml-feeds.js';
import { watchPwned } from '../helpers/hostile.js';

// The elements that show headlines. <news-reviews> shows only items carrying `_review`, which RSS
// and Atom never have: it has a test of its own below.
const ELEMENTS = ['news-ticker', 'news-cards', 'news-categories'];
const RSS_TITLES = ['Parliament passes the budget', 'Snow & ice close mountain roads', 'Markets close higher'];
const ATOM_TITLES = ['Tea & pakhlava', 'Winter in the old city', 'A very short note'];

let counter = 0;
/** A same-origin feed address no other test uses (the page's store is shared). */
const feedUrl = (ext: string) => `/test-feeds/xml-${Date.now()}-${++counter}.${ext}`;

const shown = (el: FeedElement) => el.shadowRoot!.textContent ?? '';

/** Renders `tag` reading `src`, and waits until it shows `text`. */
async function render(tag: string, src: string, text: string): Promise<FeedElement> {
  const el = await fixture<FeedElement>(`<${tag} src="${src}"></${tag}>`);
  await waitUntil(() => shown(el).includes(text), `${tag} did not show "${text}"`);
  return el;
}

describe('elements reading RSS and Atom', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    stub?.restore();
    stub = undefined;
  });

  for (const tag of ELEMENTS) {
    describe(`<${tag}>`, () => {
      it('shows the headlines of an RSS feed', async () => {
        stub = stubFetch(() => ({ body: NEWS_RSS, headers: { 'content-type': 'application/rss+xml' } }));
        const el = await render(tag, feedUrl('rss'), RSS_TITLES[0]!);
        for (const title of RSS_TITLES) expect(shown(el)).to.contain(title);
      });

      it('shows the headlines of an Atom feed', async () => {
        stub = stubFetch(() => ({ body: BLOG_ATOM, headers: { 'content-type': 'application/atom+xml' } }));
        const el = await render(tag, feedUrl('atom'), ATOM_TITLES[0]!);
        for (const title of ATOM_TITLES) expect(shown(el)).to.contain(title);
      });
    });
  }

  describe('<news-reviews>', () => {
    it('reads an RSS feed, and says there are no reviews in it rather than failing', async () => {
      stub = stubFetch(() => ({ body: NEWS_RSS, headers: { 'content-type': 'application/rss+xml' } }));
      const el = await render('news-reviews', feedUrl('rss'), 'No reviews yet');
      for (const title of RSS_TITLES) expect(shown(el)).not.to.contain(title);
    });
  });

  describe('<news-card>', () => {
    it('shows an item read from RSS and one read from Atom', async () => {
      for (const [body, type, title] of [
        [NEWS_RSS, 'application/rss+xml', RSS_TITLES[0]],
        [BLOG_ATOM, 'application/atom+xml', ATOM_TITLES[0]],
      ] as const) {
        const item = (await readFeed(utf8(body), { contentType: type, baseUrl: 'https://news.example/feed' }))
          .items[0]!;
        const el = await fixture(html`<news-card .item=${item}></news-card>`);
        expect(el.shadowRoot!.textContent).to.contain(title);
      }
    });
  });

  it('shows photo and podcast items with neither title nor text by their address or file name', async () => {
    const body = `<rss version="2.0"><channel><title>Photos</title>
      <item><link>https://photos.example/2024/06/sunset%20beach/</link></item>
      <item><guid isPermaLink="false">ep-3</guid><enclosure url="https://cdn.example/shows/episode%203.mp3" type="audio/mpeg" length="1"/></item>
      </channel></rss>`;
    for (const tag of ELEMENTS) {
      stub = stubFetch(() => ({ body, headers: { 'content-type': 'application/rss+xml' } }));
      const el = await render(tag, feedUrl('rss'), 'photos.example/2024/06/sunset beach');
      expect(shown(el), tag).to.contain('episode 3.mp3');
      const link = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent?.includes('sunset beach'));
      expect(link?.href, tag).to.equal('https://photos.example/2024/06/sunset%20beach/');
      stub.restore();
      stub = undefined;
    }
  });

  it('shows an RSS feed in windows-1251 as its XML declaration says', async () => {
    stub = stubFetch(() => ({
      body: legacyBytes(rssWithTitle('Новости', 'windows-1251'), 'windows-1251'),
      headers: { 'content-type': 'application/rss+xml' },
    }));
    const el = await render('news-ticker', feedUrl('rss'), 'Новости');
    expect(shown(el)).not.to.contain('\ufffd');
  });

  it('shows an HTML page served as a feed as an error, and tells the page why', async () => {
    stub = stubFetch(() => ({
      body: '<!DOCTYPE html><html><body><p>Welcome</p></body></html>',
      headers: { 'content-type': 'text/html' },
    }));
    const el = document.createElement('news-cards');
    const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    const error = sinon.stub(console, 'error');
    try {
      el.src = feedUrl('rss');
      document.body.append(el);
      const { detail } = await failed;
      expect(detail.error.code).to.equal('not-json');
      expect(detail.error.message).to.contain('is an HTML page');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.exist;
    } finally {
      error.restore();
      el.remove();
    }
  });

  it('renders a hostile RSS feed as text, and nothing in it runs', async () => {
    const pwned = watchPwned();
    const esc = (text: string) =>
      text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    const items = HOSTILE_TEXT.map(
      (text, i) => `<item><guid>h${i}</guid><title>Story ${i} ${esc(text)}</title><link>${esc(HOSTILE_URLS[i]!)}</link>
        <description>${esc(text)}</description><enclosure url="${esc(HOSTILE_URLS[i]!)}" type="image/png"/></item>`,
    ).join('');
    stub = stubFetch(() => ({
      body: `<rss version="2.0"><channel><title>Hostile</title>${items}</channel></rss>`,
      headers: { 'content-type': 'application/rss+xml' },
    }));
    try {
      for (const tag of ELEMENTS) {
        const el = await render(tag, feedUrl('rss'), 'Story 0 <img src=x onerror="window.__pwned()">');
        expect(shown(el)).to.contain('Story 3 click');
        // Only what a feed could inject: the ticker's own pause icon is an svg. As a string, since a
        // failing assertion on a DOM node cannot be sent back to the runner and hangs the run.
        const injected = el.shadowRoot!.querySelector('script, [onerror], [onload], a[href^="javascript"]');
        expect(injected?.outerHTML ?? 'none').to.equal('none');
      }
      await pwned.settle();
      expect(pwned.calls).to.equal(0);
    } finally {
      pwned.restore();
    }
  });
});
