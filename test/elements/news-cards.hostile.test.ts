import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import '../../src/define/news-cards.js';
import type { NewsCards } from '../../src/define/news-cards.js';
import { HOSTILE_TEXT, HOSTILE_URLS, jsonFeed, newsItems, type RawItem } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { BROKEN_TEXT, activeMarkup, isWebUrl, liveUrls, watchPwned } from '../helpers/hostile.js';

const root = (el: NewsCards) => el.shadowRoot!;
const cards = (el: NewsCards) => [...root(el).querySelectorAll<HTMLElement>('[part="card"]')];
const texts = (el: NewsCards, name: string) =>
  [...root(el).querySelectorAll(`[part="${name}"]`)].map((node) => node.textContent!.trim());
/** What a reader sees. */
const screenText = (el: NewsCards) => root(el).querySelector<HTMLElement>('[part="base"]')!.innerText;

async function showing(el: NewsCards, count: number) {
  await waitUntil(() => cards(el).length === count, `expected ${count} cards, saw ${cards(el).length}`);
}

describe('<news-cards> with hostile and broken feeds', () => {
  let pwned: ReturnType<typeof watchPwned>;

  beforeEach(() => {
    pwned = watchPwned();
  });

  afterEach(() => {
    expect(pwned.calls, 'a payload ran').to.equal(0);
    pwned.restore();
  });

  it('never turns a javascript:, data: or vbscript: URL into a live href or src', async () => {
    const hostile = [...HOSTILE_URLS, '&#106;avascript:window.__pwned()', ' \tJAVASCRIPT&colon;window.__pwned()'];
    const items = hostile.map((url, i) => ({
      id: `u${i}`,
      title: `Story ${i}`,
      url,
      external_url: url,
      image: url,
      banner_image: url,
      authors: [{ name: `Author ${i}`, url, avatar: url }],
    }));
    const el = await fixture<NewsCards>(
      html`<news-cards .feed=${jsonFeed(items, { author: { name: 'Desk', url: hostile[0] } })}></news-cards>`,
    );
    await showing(el, hostile.length);
    const urls = liveUrls(root(el));
    expect(urls.filter((url) => !isWebUrl(url))).to.deep.equal([]);
    // The browser's own parser refuses the schemes, so these titles have no link at all.
    for (const card of cards(el).slice(0, HOSTILE_URLS.length)) {
      expect(!!card.querySelector('a, img'), 'present').to.equal(false);
      expect(card.querySelector('[part="title"]')!.textContent).to.match(/Story \d/);
    }
    await expect(el).to.be.accessible();
  });

  it('shows HTML in titles, summaries, tags and author names as text, and never runs it', async () => {
    const items = HOSTILE_TEXT.map((text, i) => ({
      id: `t${i}`,
      url: `https://news.example/${i}`,
      title: text,
      summary: text,
      tags: [text],
      authors: [{ name: text }],
      image: `/missing-${Date.now()}-${i}.png`,
    }));
    const el = await fixture<NewsCards>(html`<news-cards .feed=${jsonFeed(items)}></news-cards>`);
    await showing(el, HOSTILE_TEXT.length);
    // Wait for the broken images' error events (an injected onerror would have run by then), and
    // for the redraw they cause: a busy machine answers the 404s late, so no deadline but the test's.
    const images = [...root(el).querySelectorAll('img')];
    await Promise.all(
      images.map(
        (img) => img.isConnected && new Promise((resolve) => img.addEventListener('error', resolve, { once: true })),
      ),
    );
    await el.updateComplete;
    expect(root(el).querySelector('img'), 'the broken images stayed').to.equal(null);
    expect(activeMarkup(root(el))).to.deep.equal([]);
    expect(texts(el, 'title')).to.deep.equal(HOSTILE_TEXT);
    expect(texts(el, 'summary')).to.deep.equal(HOSTILE_TEXT);
    expect(texts(el, 'tag')).to.deep.equal(HOSTILE_TEXT);
    expect(texts(el, 'author')).to.deep.equal(HOSTILE_TEXT);
  });

  it('turns content_html into plain text', async () => {
    const items = [
      {
        id: 'html',
        title: 'Rich story',
        url: 'https://news.example/rich',
        content_html:
          '<p>First <b>bold</b> paragraph.</p><script>window.__pwned()</script><img src=x onerror="window.__pwned()"><p>Second&nbsp;one &amp; more.</p>',
      },
    ];
    const el = await fixture<NewsCards>(html`<news-cards .feed=${jsonFeed(items)}></news-cards>`);
    await showing(el, 1);
    expect(texts(el, 'summary')).to.deep.equal(['First bold paragraph. Second one & more.']);
    expect(activeMarkup(root(el))).to.deep.equal([]);
    expect(!!root(el).querySelector('b, p img'), 'present').to.equal(false);
  });

  it('cuts a 1 MB title without widening the layout or stalling the page', async () => {
    const huge = 'W'.repeat(1_000_000);
    const items = [{ id: 'huge', url: 'https://news.example/huge', title: huge }, ...newsItems(2)];
    const el = await fixture<NewsCards>(
      html`<news-cards .feed=${JSON.stringify(jsonFeed(items))} layout="list" style="inline-size: 400px"></news-cards>`,
    );
    await showing(el, 3);
    const title = cards(el)[0]!.querySelector<HTMLElement>('[part="title"]')!;
    expect(title.textContent!.trim().length).to.be.at.most(301);
    expect(el.getBoundingClientRect().width).to.equal(400);
    for (const card of cards(el)) expect(card.getBoundingClientRect().width).to.be.at.most(400);
    expect(el.scrollWidth).to.be.at.most(400);
    expect(title.scrollWidth).to.be.at.most(title.clientWidth);
  });

  it('renders only `limit` cards of a 10,000-item feed', async () => {
    const el = await fixture<NewsCards>(
      html`<news-cards .feed=${jsonFeed(newsItems(10_000))} limit="12"></news-cards>`,
    );
    await showing(el, 12);
    expect(root(el).querySelectorAll('[part="item"]').length).to.equal(12);
  });

  it('shows what is usable of duplicate, null, mistyped and undated items, and nothing broken', async () => {
    const items = [
      { id: 'a', title: 'First story', url: 'https://news.example/a', date_published: 'not a date' },
      { id: 'a', title: 'Same id again', url: 'https://news.example/a2' },
      {
        id: 7,
        title: null,
        summary: 'Only a summary here',
        url: null,
        image: null,
        tags: null,
        authors: null,
        date_published: null,
      },
      {
        id: 'c',
        title: { text: 'an object' },
        content_text: 'Text when the title is an object',
        summary: 42,
        url: ['https://news.example/c'],
        image: 42,
        tags: [1, null, 'Economy', {}, ['x']],
        authors: [{ name: null }, { name: 42 }, 'Name as a string', { name: 'Leyla' }],
        author: { name: 'Legacy' },
        date_published: 1703178660000,
        date_modified: '2023-13-45T99:00:00Z',
        language: { code: 'en' },
      },
      { id: 'd', title: 'Dated far away', date_published: '9999-01-01T00:00:00Z', date_modified: '0001-01-01' },
      null,
      'a string',
      42,
      { id: null, title: 'No id' },
      { id: 'e' },
    ];
    // Not even items are guaranteed to be objects.
    const feed = jsonFeed(items as unknown as RawItem[]);
    const el = await fixture<NewsCards>(html`<news-cards .feed=${feed}></news-cards>`);
    await showing(el, 4);
    expect(texts(el, 'title')).to.deep.equal([
      'First story',
      'Only a summary here',
      'Text when the title is an object',
      'Dated far away',
    ]);
    expect(texts(el, 'tag')).to.deep.equal(['Economy']);
    // A bare string is a name (some feeds write authors so); null and numbers are not.
    expect(texts(el, 'author')).to.deep.equal(['Name as a string', 'Leyla']);
    expect(root(el).querySelectorAll('time').length).to.equal(0);
    expect(screenText(el)).to.not.match(BROKEN_TEXT);
    for (const node of root(el).querySelectorAll('*')) {
      for (const attr of node.attributes) expect(attr.value, attr.name).to.not.match(BROKEN_TEXT);
    }
    await expect(el).to.be.accessible();
  });

  it('keeps a broken feed in one element from affecting its neighbour', async () => {
    const broken = uniqueUrl('broken');
    const good = uniqueUrl('good');
    const stub = stubFetch((url) =>
      url.endsWith(good)
        ? { body: jsonFeed(newsItems(2)) }
        : { body: '{"version": "https://jsonfeed.org/version/1.1", "items": [' },
    );
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <news-cards src=${broken}></news-cards>
        <news-cards src=${good}></news-cards>
        <news-cards .feed=${{ items: 'not a list' }}></news-cards>
      </div>`);
      const [first, second, third] = [...page.querySelectorAll('news-cards')];
      await showing(second!, 2);
      await waitUntil(
        () => root(first!).querySelector('[part="retry"]') && root(third!).querySelector('[part="retry"]'),
      );
      expect(cards(first!).length).to.equal(0);
      await expect(page).to.be.accessible();
    } finally {
      stub.restore();
    }
  });
});
