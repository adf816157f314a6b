import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { resetMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/news-ticker.js';
import '../../src/locales/ru.js';
import type { NewsTicker } from '../../src/elements/news-ticker/news-ticker.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { clickOn, duplicate, headlines, pauseButton, untilRunning } from '../helpers/ticker.js';

const region = (el: NewsTicker) => el.shadowRoot!.querySelector('section')!;
const part = (el: NewsTicker, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const texts = (el: NewsTicker) => headlines(el).map((h) => h.textContent!.trim());

describe('<news-ticker> states', () => {
  let network: ReturnType<typeof stubFetch> | undefined;

  afterEach(async () => {
    network?.restore();
    network = undefined;
    await resetMouse();
  });

  it('loading: a busy one-line placeholder that announces loading', async () => {
    network = stubFetch(() => ({ hang: true }));
    const el = await fixture<NewsTicker>(html`<news-ticker src=${uniqueUrl()}></news-ticker>`);
    expect(region(el).getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'skeleton')!.checkVisibility()).to.be.true;
    expect(part(el, 'status')!.textContent).to.equal('Loading news…');
    expect(headlines(el).length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('loading shows the page’s own fallback link instead of the placeholder', async () => {
    network = stubFetch(() => ({ hang: true }));
    const el = await fixture<NewsTicker>(
      html`<news-ticker src=${uniqueUrl()}><a href="/news">All news</a></news-ticker>`,
    );
    expect(part(el, 'skeleton')?.outerHTML ?? 'none').to.equal('none');
    expect(el.querySelector('a')!.checkVisibility()).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('does not shift the page when the headlines arrive', async () => {
    let answer!: () => void;
    const arrived = new Promise<void>((resolve) => (answer = resolve));
    network = stubFetch(async () => {
      await arrived;
      return { body: jsonFeed(newsItems(3)) };
    });
    const page = await fixture<HTMLElement>(
      html`<div><news-ticker src=${uniqueUrl()} badge="Latest"></news-ticker><p>Below the ticker</p></div>`,
    );
    const el = page.querySelector('news-ticker')!;
    const below = page.querySelector('p')!;
    const before = { ticker: el.getBoundingClientRect().toJSON(), below: below.getBoundingClientRect().top };
    answer();
    await waitUntil(() => headlines(el).length === 3, 'the headlines never arrived');
    await untilRunning(el);
    expect(el.getBoundingClientRect().toJSON()).to.deep.equal(before.ticker);
    expect(below.getBoundingClientRect().top).to.equal(before.below);
  });

  it('has the same one-line height in every state', async () => {
    network = stubFetch((url) =>
      url.includes('hangs') ? { hang: true } : url.includes('fails') ? { status: 500 } : { body: jsonFeed([]) },
    );
    const page = await fixture<HTMLElement>(html`<div>
      <news-ticker src=${uniqueUrl('hangs')}></news-ticker>
      <news-ticker .feed=${jsonFeed(newsItems(3))}></news-ticker>
      <news-ticker src=${uniqueUrl('empty')}></news-ticker>
      <news-ticker src=${uniqueUrl('fails')}></news-ticker>
    </div>`);
    const [loading, ready, empty, failed] = [...page.querySelectorAll('news-ticker')];
    await waitUntil(() => part(empty!, 'status')?.textContent === 'No headlines yet.' && part(failed!, 'retry'));
    const heights = [loading, ready, empty, failed].map((el) => el!.getBoundingClientRect().height);
    expect(new Set(heights).size, `heights ${heights.join(', ')}`).to.equal(1);
  });

  it('ready: headline links in a region named "Latest", with a pause button', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(newsItems(3))}></news-ticker>`);
    const region = el.shadowRoot!.querySelector('section')!;
    expect(region.getAttribute('aria-label')).to.equal('Latest');
    expect(region.getAttribute('aria-busy')).to.equal('false');
    expect(texts(el)).to.deep.equal(['Headline number 1', 'Headline number 2', 'Headline number 3']);
    expect(headlines(el).map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://news.example/story/1',
      'https://news.example/story/2',
      'https://news.example/story/3',
    ]);
    expect(pauseButton(el).textContent!.trim()).to.equal('Pause headlines');
    await untilRunning(el);
    // Moving text is not news: nothing announces itself while it scrolls.
    const live = '[aria-live], [role="status"], [role="alert"], [role="log"], [role="marquee"], [role="timer"]';
    expect(el.shadowRoot!.querySelector(live)?.outerHTML ?? 'none').to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('dispatches news-load with the feed', async () => {
    network = stubFetch(() => ({ body: jsonFeed(newsItems(2)) }));
    const el = document.createElement('news-ticker');
    el.src = uniqueUrl();
    const loaded = oneEvent(el, 'news-load');
    await fixture(el);
    const { detail } = await loaded;
    expect(detail.feed.items.length).to.equal(2);
  });

  it('empty: a short message, which the page can replace', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed([])}></news-ticker>`);
    expect(part(el, 'status')!.textContent!.trim()).to.equal('No headlines yet.');
    expect(pauseButton(el)).to.equal(null);
    await expect(el).to.be.accessible();

    const custom = await fixture<NewsTicker>(
      html`<news-ticker .feed=${jsonFeed(newsItems(3))} category="Sport"><span slot="empty">Nothing in Sport</span></news-ticker>`,
    );
    expect(custom.querySelector('[slot="empty"]')!.checkVisibility()).to.be.true;
    await expect(custom).to.be.accessible();
  });

  it('error: a reader-friendly line and a Retry button that loads the feed again', async () => {
    network = stubFetch((_url, _init, call) => (call === 1 ? { status: 404 } : { body: jsonFeed(newsItems(2)) }));
    const el = document.createElement('news-ticker');
    el.src = uniqueUrl();
    const failed = oneEvent(el, 'news-error');
    await fixture(el);
    const { detail } = await failed;
    expect(detail.error.code).to.equal('http');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('The news could not be loaded.');
    expect(part(el, 'error')!.textContent).not.to.contain('404');
    await expect(el).to.be.accessible();

    await clickOn(part(el, 'retry')!);
    await waitUntil(() => headlines(el).length === 2, 'Retry did not bring the headlines');
    expect(network.calls.length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('keeps the last good headlines when a refresh fails', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let el: NewsTicker;
    try {
      network = stubFetch((_url, _init, call) => (call === 1 ? { body: jsonFeed(newsItems(3)) } : { status: 503 }));
      el = document.createElement('news-ticker');
      el.src = uniqueUrl();
      el.refresh = 30;
      const loaded = oneEvent(el, 'news-load');
      await fixture(el);
      await clock.tickAsync(0);
      await loaded;
      const failed = oneEvent(el, 'news-error');
      await clock.tickAsync(40_000);
      const { detail } = await failed;
      expect(detail.error.status).to.equal(503);
      expect(network.calls.length).to.equal(2);
    } finally {
      clock.restore();
    }
    await el.updateComplete;
    expect(texts(el)).to.deep.equal(['Headline number 1', 'Headline number 2', 'Headline number 3']);
    expect(part(el, 'error')?.outerHTML ?? 'none').to.equal('none');
    await expect(el).to.be.accessible();
  });
});

describe('<news-ticker> attributes', () => {
  it('names its region with label, and translates its own words with locale', async () => {
    const named = await fixture<NewsTicker>(
      html`<news-ticker label="Breaking news" .feed=${jsonFeed(newsItems(2))}></news-ticker>`,
    );
    expect(region(named).getAttribute('aria-label')).to.equal('Breaking news');

    const russian = await fixture<NewsTicker>(
      html`<news-ticker locale="ru" .feed=${jsonFeed(newsItems(2))}></news-ticker>`,
    );
    expect(region(russian).getAttribute('aria-label')).to.equal('Последние');
    expect(pauseButton(russian).textContent!.trim()).to.equal('Остановить ленту');
  });

  it('shows no badge by default, the badge attribute’s text, or the badge slot', async () => {
    const plain = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(newsItems(2))}></news-ticker>`);
    expect(part(plain, 'badge')!.checkVisibility()).to.be.false;

    const text = await fixture<NewsTicker>(
      html`<news-ticker badge="Latest" .feed=${jsonFeed(newsItems(2))}></news-ticker>`,
    );
    expect(part(text, 'badge')!.checkVisibility()).to.be.true;
    expect(part(text, 'badge')!.textContent!.trim()).to.equal('Latest');

    const slotted = await fixture<NewsTicker>(
      html`<news-ticker badge="Latest" .feed=${jsonFeed(newsItems(2))}><strong slot="badge">Live</strong></news-ticker>`,
    );
    expect(part(slotted, 'badge')!.checkVisibility()).to.be.true;
    expect(slotted.querySelector('strong')!.checkVisibility()).to.be.true;
    expect(part(slotted, 'badge')!.querySelector('slot')!.assignedElements().length).to.equal(1);
    await expect(slotted).to.be.accessible();
  });

  it('separates headlines with --news-separator', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(newsItems(2))}></news-ticker>`);
    const item = part(el, 'item')!;
    expect(getComputedStyle(item, '::after').content).to.contain('•');
    el.style.setProperty('--news-separator', '"/"');
    expect(getComputedStyle(item, '::after').content).to.contain('/');
  });

  it('opens links in a new tab safely with target="_blank"', async () => {
    const el = await fixture<NewsTicker>(
      html`<news-ticker target="_blank" .feed=${jsonFeed(newsItems(2))}></news-ticker>`,
    );
    for (const link of el.shadowRoot!.querySelectorAll('a')) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
    const same = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(newsItems(2))}></news-ticker>`);
    expect(same.shadowRoot!.querySelector('a')!.hasAttribute('target')).to.be.false;
    expect(same.shadowRoot!.querySelector('a')!.hasAttribute('rel')).to.be.false;
  });

  it('marks each headline with its language and lets right-to-left titles lay out right', async () => {
    const items = newsItems(2);
    items[1] = { ...items[1], title: 'أخبار اليوم', language: 'ar' };
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(items)}></news-ticker>`);
    const [first, second] = el.shadowRoot!.querySelectorAll('[part~="list"]:not([aria-hidden]) [part="item"]');
    expect(first!.hasAttribute('lang')).to.be.false;
    expect(second!.getAttribute('lang')).to.equal('ar');
    expect(headlines(el).every((h) => h.getAttribute('dir') === 'auto')).to.be.true;
    expect(getComputedStyle(headlines(el)[1]!).direction).to.equal('rtl');
  });

  it('shows only limit items, from the category asked for', async () => {
    const feed = jsonFeed(newsItems(9, ['Politics', 'Social', 'Economy']));
    const el = await fixture<NewsTicker>(
      html`<news-ticker limit="2" category="social, ECONOMY" .feed=${feed}></news-ticker>`,
    );
    expect(texts(el)).to.deep.equal(['Headline number 2', 'Headline number 3']);
    expect(duplicate(el)!.querySelectorAll('[part="item"]').length).to.equal(2);
  });
});
