import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import '../../src/define/news-ticker.js';
import type { NewsTicker } from '../../src/elements/news-ticker/news-ticker.js';
import { parseFeed } from '../../src/core/parse-feed.js';
import { HOSTILE_TEXT, HOSTILE_URLS, jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { watchPwned } from '../helpers/hostile.js';
import { duplicate, headlines, untilRunning, visibleStrings } from '../helpers/ticker.js';

const texts = (el: NewsTicker) => headlines(el).map((h) => h.textContent!.trim());

describe('<news-ticker> with hostile and broken feeds', () => {
  let pwned: ReturnType<typeof watchPwned>;
  let network: ReturnType<typeof stubFetch> | undefined;

  beforeEach(() => {
    pwned = watchPwned();
  });

  afterEach(() => {
    pwned.restore();
    network?.restore();
    network = undefined;
  });

  it('never makes a live link of a javascript:, data: or vbscript: URL', async () => {
    const items = HOSTILE_URLS.map((url, i) => ({ id: `h${i}`, title: `Story ${i}`, url, external_url: url }));
    items.push({
      id: 'fallback',
      title: 'Safe elsewhere',
      url: HOSTILE_URLS[0]!,
      external_url: 'https://other.example/x',
    });
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(items)}></news-ticker>`);
    const links = [...el.shadowRoot!.querySelectorAll('a')];
    // Only the item with a safe external_url is a link, in the list and in its copy.
    expect(links.map((a) => a.href)).to.deep.equal(['https://other.example/x', 'https://other.example/x']);
    for (const element of el.shadowRoot!.querySelectorAll('[href], [src], [action], [formaction]')) {
      for (const name of ['href', 'src', 'action', 'formaction']) {
        const value = element.getAttribute(name);
        if (value !== null) expect(new URL(value, location.href).protocol).to.match(/^https?:$/);
      }
    }
    // The headlines without a safe URL still show, as plain text.
    expect(texts(el)).to.deep.equal([...HOSTILE_URLS.map((_, i) => `Story ${i}`), 'Safe elsewhere']);
    expect(
      headlines(el)
        .slice(0, -1)
        .every((h) => h.localName === 'span'),
    ).to.be.true;
    await pwned.settle();
    expect(pwned.calls).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows HTML in titles and content as text, and never runs it', async () => {
    const items = [
      ...HOSTILE_TEXT.map((title, i) => ({ id: `t${i}`, title, url: `https://news.example/${i}` })),
      { id: 'html', content_html: `${HOSTILE_TEXT[0]}<p><b>Bold</b> story</p>${HOSTILE_TEXT[1]}` },
    ];
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(items)}></news-ticker>`);
    expect(texts(el).slice(0, HOSTILE_TEXT.length)).to.deep.equal(HOSTILE_TEXT);
    expect(texts(el).at(-1)).to.equal('Bold story');
    const lists = el.shadowRoot!.querySelectorAll('[part~="list"]');
    for (const list of lists) {
      expect(list.querySelector('img, script, svg, iframe, [onerror], [onload]')?.outerHTML ?? 'none').to.equal('none');
    }
    await pwned.settle();
    expect(pwned.calls).to.equal(0);
  });

  it('cuts a 1 MB title short, keeps the page responsive and its layout unwidened', async () => {
    const title = `${'Endless '.repeat(131_072)}`;
    network = stubFetch(() => ({
      body: jsonFeed([{ id: 'long', title, url: 'https://news.example/long' }, ...newsItems(2)]),
    }));
    const page = await fixture<HTMLElement>(
      html`<div style="width: 400px"><news-ticker src=${uniqueUrl()}></news-ticker></div>`,
    );
    const el = page.querySelector('news-ticker')!;
    await waitUntil(() => headlines(el).length === 3, 'the headlines never arrived');
    await untilRunning(el);
    expect(texts(el)[0]!.length).to.be.within(100, 301);
    expect(texts(el)[0]!.endsWith('…')).to.be.true;
    expect(el.getBoundingClientRect().width).to.equal(400);
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
  });

  it('renders only limit items of a 10,000-item feed', async () => {
    network = stubFetch(() => ({ body: jsonFeed(newsItems(10_000)) }));
    const el = await fixture<NewsTicker>(html`<news-ticker limit="8" src=${uniqueUrl()}></news-ticker>`);
    await waitUntil(() => headlines(el).length > 0, 'the headlines never arrived');
    expect(headlines(el).length).to.equal(8);
    expect(duplicate(el)!.querySelectorAll('[part="item"]').length).to.equal(8);
  });

  it('draws no more than 50 headlines of a 10,000-item feed without a limit', async () => {
    const feed = parseFeed(jsonFeed(newsItems(10_000)));
    const el = await fixture<NewsTicker>(html`<news-ticker></news-ticker>`);
    el.feed = feed;
    await el.updateComplete;
    el.getBoundingClientRect();
    // Drawing 50 headlines takes milliseconds; drawing all 10,000 (twice) takes seconds.
    expect(headlines(el).length).to.equal(50);
    expect(headlines(el)[49]!.textContent).to.equal('Headline number 50');
  });

  it('shows what is usable of null, wrong-typed and invalid fields, and never "null" or "NaN"', async () => {
    const items: unknown[] = [
      { id: 1, title: null, summary: 'Only a summary', url: null, language: null, date_published: null, tags: null },
      {
        id: 'b',
        title: 42,
        summary: 'Wrong types',
        url: 42,
        external_url: {},
        language: 7,
        tags: { a: 1 },
        authors: 'x',
      },
      { id: 'c', title: { text: 'object' }, content_html: '<p>From HTML</p>', url: ['https://news.example/c'] },
      { id: 'c', title: 'Duplicate id' },
      { id: 'd', title: 'Bad dates', url: 'https://news.example/d', date_published: 'yesterday', date_modified: 'NaN' },
      { id: null, title: 'No id' },
      { id: 'e', title: '   ' },
      null,
      'not an item',
      [1, 2],
    ];
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${jsonFeed(items as never[])}></news-ticker>`);
    expect(texts(el)).to.deep.equal(['Only a summary', 'Wrong types', 'From HTML', 'Bad dates']);
    const seen = visibleStrings(el);
    for (const bad of ['null', 'undefined', 'NaN', '[object Object]', 'Invalid Date']) expect(seen).not.to.contain(bad);
    await expect(el).to.be.accessible();
  });

  it('keeps a broken feed in one ticker from affecting its neighbours', async () => {
    const good = uniqueUrl('good');
    network = stubFetch((url) =>
      url.endsWith(new URL(good, location.href).pathname)
        ? { body: jsonFeed(newsItems(3)) }
        : {
            body: '<!doctype html><title>Oops</title><script>window.__pwned()</script>',
            headers: { 'content-type': 'text/html' },
          },
    );
    const page = await fixture<HTMLElement>(html`<div>
      <news-ticker label="Politics" src=${uniqueUrl('broken')}></news-ticker>
      <news-ticker label="Sport" src=${good}></news-ticker>
      <news-ticker label="Weather" .feed=${{ version: 'https://jsonfeed.org/version/1.1', items: 'nope' }}></news-ticker>
    </div>`);
    const [broken, working, garbage] = [...page.querySelectorAll('news-ticker')] as NewsTicker[];
    await waitUntil(() => broken!.shadowRoot!.querySelector('[part="retry"]'), 'the broken feed never failed');
    await untilRunning(working!);
    expect(texts(working!)).to.deep.equal(['Headline number 1', 'Headline number 2', 'Headline number 3']);
    expect(garbage!.shadowRoot!.querySelector('[part="retry"]')).to.exist;
    await pwned.settle();
    expect(pwned.calls).to.equal(0);
    await expect(page).to.be.accessible();
  });
});
