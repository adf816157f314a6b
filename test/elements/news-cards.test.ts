import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { NewsErrorEvent } from '../../src/core/events.js';
import '../../src/define/news-cards.js';
import type { NewsCards } from '../../src/define/news-cards.js';
import '../../src/locales/ru.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl, type Reply } from '../helpers/fetch-stub.js';

const root = (el: NewsCards) => el.shadowRoot!;
const cards = (el: NewsCards) => [...root(el).querySelectorAll<HTMLElement>('[part="card"]')];
const part = (el: ParentNode & { shadowRoot: ShadowRoot | null }, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const has = (el: ParentNode & { shadowRoot: ShadowRoot | null }, name: string) => !!part(el, name);
const titles = (el: NewsCards) => cards(el).map((card) => card.querySelector('[part="title"]')!.textContent!.trim());
const columns = (el: NewsCards) => getComputedStyle(part(el, 'list')!).gridTemplateColumns.split(' ').length;

async function showing(el: NewsCards, count: number) {
  await waitUntil(() => cards(el).length === count, `expected ${count} cards, saw ${cards(el).length}`);
}

/** A fake server: each path answers its replies in turn, the last one again and again. */
function serve(routes: Record<string, Reply[]>) {
  const served = new Map<string, number>();
  return stubFetch((url) => {
    const path = new URL(url).pathname;
    const replies = routes[path];
    if (!replies) return { status: 404, body: 'not found', headers: { 'content-type': 'text/plain' } };
    const n = served.get(path) ?? 0;
    served.set(path, n + 1);
    return replies[Math.min(n, replies.length - 1)]!;
  });
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('<news-cards>', () => {
  let stub: ReturnType<typeof stubFetch> | undefined;

  afterEach(() => {
    stub?.restore();
    stub = undefined;
  });

  describe('states', () => {
    it('shows a skeleton in the cards’ shape while loading, busy and accessible', async () => {
      const url = uniqueUrl();
      stub = serve({ [url]: [{ hang: true }] });
      const el = await fixture<NewsCards>(html`<news-cards src=${url} limit="4"></news-cards>`);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      const skeleton = part(el, 'skeleton')!;
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      expect(skeleton.querySelectorAll('.card').length).to.equal(4);
      expect(skeleton.querySelectorAll('.media').length).to.equal(4);
      expect(part(el, 'status')!.textContent).to.equal('Loading news…');
      await expect(el).to.be.accessible();
    });

    it('replaces the skeleton without moving the image boxes', async () => {
      const url = uniqueUrl();
      let answer!: (reply: Reply) => void;
      stub = stubFetch(() => new Promise<Reply>((resolve) => (answer = resolve)));
      const el = await fixture<NewsCards>(
        html`<news-cards src=${url} limit="2" style="inline-size: 600px"></news-cards>`,
      );
      const before = part(el, 'skeleton')!.querySelector('.media')!.getBoundingClientRect();
      const items = newsItems(2).map((item) => ({ ...item, image: `/missing-image-${Date.now()}.png` }));
      answer({ body: jsonFeed(items) });
      await showing(el, 2);
      const after = part(el, 'media')!.getBoundingClientRect();
      expect(after.top).to.equal(before.top);
      expect(after.width).to.equal(before.width);
      expect(after.height).to.equal(before.height);
    });

    it('shows ready cards as a list of articles with headings, links, tags, dates and authors', async () => {
      const url = uniqueUrl();
      stub = serve({ [url]: [{ body: jsonFeed(newsItems(3)) }] });
      const el = await fixture<NewsCards>(html`<news-cards src=${url} label="Latest news"></news-cards>`);
      await showing(el, 3);
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
      const list = part(el, 'list')!;
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('aria-label')).to.equal('Latest news');
      expect([...list.children].map((li) => li.localName)).to.deep.equal(['li', 'li', 'li']);
      const [first] = cards(el);
      expect(first!.localName).to.equal('article');
      expect(first!.querySelector('h3')!.textContent!.trim()).to.equal('Headline number 1');
      expect(first!.querySelector('a')!.getAttribute('href')).to.equal('https://news.example/story/1');
      expect(first!.querySelector('[part="tag"]')!.textContent).to.equal('Politics');
      expect(first!.querySelector('[part="summary"]')!.textContent).to.equal('Summary of story 1.');
      expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal('2023-12-21T17:11:00.000Z');
      expect(first!.querySelector('[part="author"]')!.textContent).to.equal('Reporter 1');
      await expect(el).to.be.accessible();
    });

    it('says when there is nothing to show, accessibly', async () => {
      const url = uniqueUrl();
      stub = serve({ [url]: [{ body: jsonFeed([]) }] });
      const el = await fixture<NewsCards>(html`<news-cards src=${url}></news-cards>`);
      await waitUntil(() => part(el, 'status')?.textContent?.includes('No headlines yet.'));
      expect(cards(el).length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('shows an error with Retry, tells the page, and loads again on Retry', async () => {
      const url = uniqueUrl();
      stub = serve({ [url]: [{ status: 500 }, { body: jsonFeed(newsItems(2)) }] });
      const el = await fixture<NewsCards>(html`<news-cards></news-cards>`);
      const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
      el.src = url;
      expect((await failed).detail.error.code).to.equal('http');
      await waitUntil(() => part(el, 'retry'));
      expect(part(el, 'error')!.textContent).to.contain('The news could not be loaded.');
      await expect(el).to.be.accessible();
      part(el, 'retry')!.click();
      await showing(el, 2);
    });

    it('keeps the cards when a refresh fails', async () => {
      const url = uniqueUrl();
      stub = serve({ [url]: [{ body: jsonFeed(newsItems(3)) }, { status: 503 }] });
      const el = await fixture<NewsCards>(html`<news-cards src=${url} refresh="1"></news-cards>`);
      await showing(el, 3);
      await oneEvent(el, 'news-error');
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Headline number 1', 'Headline number 2', 'Headline number 3']);
      expect(has(el, 'retry'), 'retry').to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('from markup alone', () => {
    it('reads an inline feed child, with no script of the page', async () => {
      const el = await fixture<NewsCards>(html`<news-cards limit="2">
        <script type="application/feed+json">
          ${JSON.stringify(jsonFeed(newsItems(3)))}
        </script>
      </news-cards>`);
      await showing(el, 2);
      expect(titles(el)).to.deep.equal(['Headline number 1', 'Headline number 2']);
    });

    it('shows the page’s fallback link while loading and beside Retry when the feed fails', async () => {
      const url = uniqueUrl();
      let answer!: (reply: Reply) => void;
      stub = stubFetch(() => new Promise<Reply>((resolve) => (answer = resolve)));
      const el = await fixture<NewsCards>(html`<news-cards src=${url}><a href="/news">All news</a></news-cards>`);
      const shown = () =>
        (root(el).querySelector('slot:not([name])') as HTMLSlotElement | null)?.assignedElements().length ?? 0;
      expect(shown()).to.equal(1);
      answer({ status: 500 });
      await waitUntil(() => has(el, 'retry'));
      expect(shown()).to.equal(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('themes and preferences', () => {
    it('stays accessible in a dark colour scheme', async () => {
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(newsItems(3))} style="color-scheme: dark; background: Canvas" paginate></news-cards>`,
      );
      await showing(el, 3);
      expect(getComputedStyle(cards(el)[0]!).backgroundColor).to.equal('rgb(22, 22, 22)');
      await expect(el).to.be.accessible();
    });

    // Its counterpart, no pulse under reduced motion, is in news-cards.reduced-motion.test.ts.
    it('pulses the skeleton while loading', async () => {
      const url = uniqueUrl();
      stub = serve({ [url]: [{ hang: true }] });
      const el = await fixture<NewsCards>(html`<news-cards src=${url}></news-cards>`);
      expect(getComputedStyle(part(el, 'skeleton')!.querySelector('.skeleton-line')!).animationName).to.equal('pulse');
    });
  });

  describe('cards', () => {
    it('renders only `limit` cards, of the chosen categories', async () => {
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(newsItems(9))} category="social, ECONOMY" limit="4"></news-cards>`,
      );
      await showing(el, 4);
      expect(titles(el)).to.deep.equal([
        'Headline number 2',
        'Headline number 3',
        'Headline number 5',
        'Headline number 6',
      ]);
    });

    it('loads images lazily and asynchronously, in a box of fixed ratio, as decoration', async () => {
      const items = [{ ...newsItems(1)[0], image: '/test/fixtures/photo.svg' }];
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(items)} style="inline-size: 320px"></news-cards>`,
      );
      await showing(el, 1);
      const img = part(el, 'image') as HTMLImageElement;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('alt')).to.equal('');
      await waitUntil(() => img.complete && img.naturalWidth > 0, 'the image did not load');
      const box = part(el, 'media')!.getBoundingClientRect();
      expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
      expect(img.getBoundingClientRect().height).to.be.closeTo(box.height, 1);
      expect(part(el, 'image') === img, 'the loaded image stays').to.equal(true);
    });

    it('shows no broken-image icon when an image fails: the box stays, empty', async () => {
      const items = newsItems(2).map((item, i) => ({
        ...item,
        image: i ? '/test/fixtures/photo.svg' : `/missing-${Date.now()}.png`,
      }));
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(items)} style="inline-size: 700px"></news-cards>`,
      );
      await showing(el, 2);
      const [broken, working] = cards(el);
      const height = working!.querySelector('[part="media"]')!.getBoundingClientRect().height;
      await waitUntil(() => !broken!.querySelector('img'), 'the broken image stayed');
      const media = broken!.querySelector('[part="media"]')!;
      expect(media.getBoundingClientRect().height).to.be.closeTo(height, 1);
      expect(media.childElementCount).to.equal(0);
      expect(!!working!.querySelector('img'), 'present').to.equal(true);
      expect(broken!.getBoundingClientRect().height).to.equal(working!.getBoundingClientRect().height);
    });

    it('drops images, summaries and dates on request, loading skeleton included', async () => {
      const items = newsItems(2).map((item) => ({ ...item, image: '/test/fixtures/photo.svg' }));
      const el = await fixture<NewsCards>(html`<news-cards .feed=${jsonFeed(items)}></news-cards>`);
      await showing(el, 2);
      for (const name of ['media', 'summary', 'time']) expect(has(el, name), name).to.equal(true);
      el.noImages = true;
      el.noSummary = true;
      el.noDate = true;
      await el.updateComplete;
      for (const name of ['media', 'image', 'summary', 'time']) expect(has(el, name), name).to.equal(false);
      expect(part(el, 'author')!.textContent).to.equal('Reporter 1');
      expect(el.getAttribute('no-images')).to.equal('');

      const url = uniqueUrl();
      stub = serve({ [url]: [{ hang: true }] });
      const loading = await fixture<NewsCards>(html`<news-cards src=${url} no-images no-summary no-date></news-cards>`);
      const skeleton = part(loading, 'skeleton')!;
      expect(!!skeleton.querySelector('.media, .summary, .meta'), 'present').to.equal(false);
      expect(!!skeleton.querySelector('.title'), 'present').to.equal(true);
    });

    it('uses the heading level asked for, 3 by default and for nonsense', async () => {
      const feed = jsonFeed(newsItems(2));
      const el = await fixture<NewsCards>(html`<news-cards .feed=${feed}></news-cards>`);
      await showing(el, 2);
      expect(root(el).querySelectorAll('h3').length).to.equal(2);
      el.setAttribute('heading-level', '2');
      await el.updateComplete;
      expect(root(el).querySelectorAll('h2').length).to.equal(2);
      expect(!!root(el).querySelector('h3'), 'present').to.equal(false);
      el.setAttribute('heading-level', 'seven');
      await el.updateComplete;
      expect(root(el).querySelectorAll('h3').length).to.equal(2);
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(root(el).querySelectorAll('h6').length).to.equal(2);
    });

    it('opens links in a new tab safely when target is _blank', async () => {
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(newsItems(1))} target="_blank"></news-cards>`,
      );
      await showing(el, 1);
      const link = part(el, 'link')!;
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    });

    it('marks each item’s language and lets its text find its direction', async () => {
      const items = [
        { id: 'ar', title: 'عنوان الخبر', summary: 'ملخص', url: 'https://news.example/ar', language: 'ar' },
      ];
      const el = await fixture<NewsCards>(html`<news-cards .feed=${jsonFeed(items)}></news-cards>`);
      await showing(el, 1);
      expect(cards(el)[0]!.getAttribute('lang')).to.equal('ar');
      expect(part(el, 'title')!.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(part(el, 'title')!).direction).to.equal('rtl');
      expect(part(el, 'summary')!.getAttribute('dir')).to.equal('auto');
    });

    it('clamps a long summary to three lines, or as many as --news-summary-lines says', async () => {
      const items = [{ ...newsItems(1)[0], summary: 'Many words in a long summary. '.repeat(30) }];
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(items)} style="inline-size: 300px"></news-cards>`,
      );
      await showing(el, 1);
      const summary = part(el, 'summary')!;
      const lines = () => Math.round(summary.clientHeight / parseFloat(getComputedStyle(summary).lineHeight));
      expect(lines()).to.equal(3);
      expect(summary.scrollHeight).to.be.greaterThan(summary.clientHeight);
      el.style.setProperty('--news-summary-lines', '5');
      expect(lines()).to.equal(5);
    });

    it('shows the start of the text as the title of an untitled item, and no repeated summary', async () => {
      const items = [{ id: 'x', content_text: 'A short note with no title.', url: 'https://news.example/x' }];
      const el = await fixture<NewsCards>(html`<news-cards .feed=${jsonFeed(items)}></news-cards>`);
      await showing(el, 1);
      expect(part(el, 'link')!.textContent).to.equal('A short note with no title.');
      expect(has(el, 'summary'), 'summary').to.equal(false);
    });
  });

  describe('dates in the element’s locale', () => {
    const items = [
      { id: 'new', title: 'Recent', url: 'https://news.example/1', date_published: minutesAgo(121) },
      { id: 'old', title: 'Old', url: 'https://news.example/2', date_published: '2023-12-21T17:11:00Z' },
    ];
    const dates = (el: NewsCards) => [...root(el).querySelectorAll('time')].map((time) => time.textContent);

    it('in English: relative when recent, absolute when old', async () => {
      const el = await fixture<NewsCards>(html`<news-cards .feed=${jsonFeed(items)} locale="en"></news-cards>`);
      await showing(el, 2);
      expect(dates(el)).to.deep.equal(['2 hours ago', 'Dec 21, 2023']);
      expect(root(el).querySelectorAll('time')[1]!.getAttribute('datetime')).to.equal('2023-12-21T17:11:00.000Z');
    });

    it('in Russian, from the nearest lang, with Russian messages', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="ru"><news-cards .feed=${jsonFeed(items, { next_url: '/next' })} paginate></news-cards></div>`,
      );
      const el = wrapper.querySelector('news-cards')!;
      await showing(el, 2);
      expect(dates(el)).to.deep.equal(['2 часа назад', '21 дек. 2023 г.']);
      expect(part(el, 'more')!.textContent!.trim()).to.equal('Ещё');
    });
  });

  describe('layouts', () => {
    before(() => setViewport({ width: 1200, height: 800 }));

    async function laidOut(layout: string, width: number) {
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(newsItems(6))} layout=${layout} style="inline-size: ${width}px"></news-cards>`,
      );
      await showing(el, 6);
      return el;
    }

    it('grid: as many columns as the width allows', async () => {
      expect(columns(await laidOut('grid', 1000))).to.equal(3);
      expect(columns(await laidOut('grid', 600))).to.equal(2);
      expect(columns(await laidOut('grid', 320))).to.equal(1);
    });

    it('grid follows its own width when it changes, not the viewport’s', async () => {
      const el = await laidOut('grid', 1000);
      el.style.inlineSize = '320px';
      await waitUntil(() => columns(el) === 1);
    });

    it('list: one column, with the image beside the text when wide and above it when narrow', async () => {
      const wide = await laidOut('list', 1000);
      expect(columns(wide)).to.equal(1);
      expect(getComputedStyle(cards(wide)[0]!).flexDirection).to.equal('row');
      const narrow = await laidOut('list', 320);
      expect(getComputedStyle(cards(narrow)[0]!).flexDirection).to.equal('column');
      const grid = await laidOut('grid', 1000);
      expect(getComputedStyle(cards(grid)[0]!).flexDirection).to.equal('column');
    });

    it('compact: dense rows without summaries, two columns when wide', async () => {
      const wide = await laidOut('compact', 1000);
      expect(columns(wide)).to.equal(2);
      expect(has(wide, 'summary'), 'summary').to.equal(false);
      expect(has(wide, 'title'), 'title').to.equal(true);
      expect(columns(await laidOut('compact', 320))).to.equal(1);
      await expect(wide).to.be.accessible();
    });
  });

  describe('paging with next_url', () => {
    const page = (from: number, count: number, next?: string) =>
      jsonFeed(newsItems(from + count - 1).slice(from - 1), next ? { next_url: next } : {});

    it('loads and appends the next page, focuses the first new card, and hides More after the last page', async () => {
      const url = uniqueUrl('page1');
      stub = serve({
        [url]: [{ body: page(1, 3, '/feeds/page-2.json') }],
        '/feeds/page-2.json': [{ body: page(3, 3, '/feeds/page-3.json') }],
        '/feeds/page-3.json': [{ body: page(6, 1) }],
      });
      const el = await fixture<NewsCards>(html`<news-cards src=${url} paginate></news-cards>`);
      await showing(el, 3);
      const more = part(el, 'more')!;
      expect(more.textContent!.trim()).to.equal('More');
      more.focus();
      await sendKeys({ press: 'Enter' });
      // Item 3 comes again on page 2: it is shown once.
      await showing(el, 5);
      expect(titles(el).slice(3)).to.deep.equal(['Headline number 4', 'Headline number 5']);
      expect(root(el).activeElement === part(el, 'list')!.children[3], 'focus is on the fourth card').to.equal(true);
      await expect(el).to.be.accessible();

      part(el, 'more')!.click();
      await showing(el, 6);
      expect(has(el, 'more'), 'more').to.equal(false);
      expect(stub.calls.map((call) => new URL(call.url).pathname)).to.deep.equal([
        url,
        '/feeds/page-2.json',
        '/feeds/page-3.json',
      ]);
    });

    it('shows no More button without next_url or without paginate', async () => {
      const last = await fixture<NewsCards>(html`<news-cards .feed=${page(1, 3)} paginate></news-cards>`);
      await showing(last, 3);
      expect(has(last, 'more'), 'more').to.equal(false);
      const off = await fixture<NewsCards>(html`<news-cards .feed=${page(1, 3, '/feeds/next.json')}></news-cards>`);
      await showing(off, 3);
      expect(has(off, 'more'), 'more').to.equal(false);
    });

    it('with a limit, shows `limit` more of the page first, then fetches the next', async () => {
      const next = uniqueUrl('next');
      stub = serve({ [next]: [{ body: page(4, 3) }] });
      const el = await fixture<NewsCards>(html`<news-cards .feed=${page(1, 3, next)} limit="2" paginate></news-cards>`);
      await showing(el, 2);
      part(el, 'more')!.click();
      await showing(el, 3);
      expect(stub.calls.length).to.equal(0);
      part(el, 'more')!.click();
      await showing(el, 5);
      expect(stub.calls.length).to.equal(1);
      expect(titles(el).at(-1)).to.equal('Headline number 5');
      part(el, 'more')!.click();
      await showing(el, 6);
      expect(has(el, 'more'), 'more').to.equal(false);
    });

    it('keeps the cards and reports through news-error when a page fails, and can try again', async () => {
      const next = uniqueUrl('next');
      stub = serve({ [next]: [{ status: 502 }, { body: page(4, 2) }] });
      const el = await fixture<NewsCards>(html`<news-cards .feed=${page(1, 3, next)} paginate></news-cards>`);
      await showing(el, 3);
      const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
      part(el, 'more')!.click();
      expect((await failed).detail.error.status).to.equal(502);
      await el.updateComplete;
      expect(cards(el).length).to.equal(3);
      expect(part(el, 'status')!.textContent).to.equal('The news could not be loaded.');
      await expect(el).to.be.accessible();
      part(el, 'more')!.click();
      await showing(el, 5);
      expect(root(el).textContent).to.not.contain('could not be loaded');
    });

    it('says it is loading, ignores more clicks meanwhile, and stops when removed', async () => {
      const next = uniqueUrl('next');
      stub = serve({ [next]: [{ hang: true }] });
      const el = await fixture<NewsCards>(html`<news-cards .feed=${page(1, 3, next)} paginate></news-cards>`);
      await showing(el, 3);
      part(el, 'more')!.click();
      await el.updateComplete;
      expect(part(el, 'status')!.textContent).to.equal('Loading news…');
      expect(part(el, 'more')!.getAttribute('aria-disabled')).to.equal('true');
      part(el, 'more')!.click();
      await waitUntil(() => stub!.calls.length === 1);
      el.remove();
      await waitUntil(() => stub!.calls[0]!.aborted, 'the page request went on');
      expect(stub.calls.length).to.equal(1);
    });

    it('fetches further pages through the proxy the element uses', async () => {
      const first = 'https://remote.example/feed.json';
      const proxied = (url: string) => `/proxy?url=${encodeURIComponent(url)}`;
      stub = serve({ '/proxy': [{ body: page(1, 2, 'https://remote.example/feed-2.json') }, { body: page(3, 1) }] });
      const el = await fixture<NewsCards>(
        html`<news-cards src=${first} proxy=${`${location.origin}/proxy?url={url}`} paginate></news-cards>`,
      );
      await showing(el, 2);
      part(el, 'more')!.click();
      await showing(el, 3);
      expect(stub.calls.map((call) => call.url)).to.deep.equal([
        `${location.origin}${proxied(first)}`,
        `${location.origin}${proxied('https://remote.example/feed-2.json')}`,
      ]);
    });

    it('ends paging at a next_url that repeats the feed itself, its feed_url or a page already read', async () => {
      const url = uniqueUrl('self');
      stub = serve({ [url]: [{ body: page(1, 2, url) }] });
      const self = await fixture<NewsCards>(html`<news-cards src=${url} paginate></news-cards>`);
      await showing(self, 2);
      expect(has(self, 'more'), 'More for a next_url that is the feed itself').to.equal(false);

      const own = await fixture<NewsCards>(
        html`<news-cards .feed=${jsonFeed(newsItems(2), { feed_url: 'https://news.example/feed.json', next_url: 'https://news.example/feed.json' })} paginate></news-cards>`,
      );
      await showing(own, 2);
      expect(has(own, 'more'), 'More for a next_url that is the feed_url').to.equal(false);

      const first = uniqueUrl('page1');
      const second = uniqueUrl('page2');
      stub.restore();
      // Page 2 repeats two items of page 1 and sends the reader back to page 1.
      stub = serve({
        [first]: [{ body: page(1, 3, second) }],
        [second]: [{ body: jsonFeed(newsItems(5).slice(1), { next_url: first }) }],
      });
      const el = await fixture<NewsCards>(html`<news-cards src=${first} paginate></news-cards>`);
      await showing(el, 3);
      part(el, 'more')!.click();
      await showing(el, 5);
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([1, 2, 3, 4, 5].map((n) => `Headline number ${n}`));
      expect(has(el, 'more'), 'More after a page that points back').to.equal(false);
      expect(stub.callsTo(first)).to.have.length(1);
    });

    it('forgets loaded pages when the element is given another feed', async () => {
      const next = uniqueUrl('next');
      stub = serve({ [next]: [{ body: page(4, 2) }] });
      const el = await fixture<NewsCards>(html`<news-cards .feed=${page(1, 3, next)} paginate></news-cards>`);
      await showing(el, 3);
      part(el, 'more')!.click();
      await showing(el, 5);
      el.feed = page(10, 2);
      await showing(el, 2);
      expect(titles(el)).to.deep.equal(['Headline number 10', 'Headline number 11']);
    });
  });
});
