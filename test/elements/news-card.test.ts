import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { parseFeed } from '../../src/core/parse-feed.js';
import type { Item } from '../../src/core/types.js';
import '../../src/define/news-card.js';
import type { NewsCard } from '../../src/define/news-card.js';
import '../../src/locales/ru.js';
import { HOSTILE_TEXT, HOSTILE_URLS, jsonFeed, newsItems } from '../helpers/feeds.js';
import { BROKEN_TEXT, activeMarkup, liveUrls, watchPwned } from '../helpers/hostile.js';

const part = (el: NewsCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const has = (el: NewsCard, name: string) => !!part(el, name);

/** The first item of a feed of `raw` items, as `parseFeed` gives it to a page. */
const itemOf = (raw: Record<string, unknown>): Item => parseFeed(jsonFeed([raw])).items[0]!;

const story = () =>
  itemOf({
    ...newsItems(1)[0],
    image: '/test/fixtures/photo.svg',
    tags: ['Politics', 'Karabakh'],
    authors: [{ name: 'Aysel' }, { name: 'Kamran' }],
  });

describe('<news-card>', () => {
  it('renders an item given as a property, on its own, accessibly', async () => {
    const el = await fixture<NewsCard>(html`<news-card .item=${story()}></news-card>`);
    const card = part(el, 'card')!;
    expect(card.localName).to.equal('article');
    expect(card.querySelector('h3')!.textContent!.trim()).to.equal('Headline number 1');
    expect(part(el, 'link')!.getAttribute('href')).to.equal('https://news.example/story/1');
    expect([...el.shadowRoot!.querySelectorAll('[part="tag"]')].map((tag) => tag.textContent)).to.deep.equal([
      'Politics',
      'Karabakh',
    ]);
    expect(part(el, 'summary')!.textContent).to.equal('Summary of story 1.');
    expect(part(el, 'time')!.getAttribute('datetime')).to.equal('2023-12-21T17:11:00.000Z');
    expect(part(el, 'meta')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Dec 21, 2023 Aysel, Kamran');
    expect(part(el, 'image')!.getAttribute('src')).to.equal(new URL('/test/fixtures/photo.svg', document.baseURI).href);
    await expect(el).to.be.accessible();
  });

  it('renders nothing until it has an item', async () => {
    const el = await fixture<NewsCard>(html`<news-card></news-card>`);
    expect(has(el, 'card'), 'card').to.equal(false);
    el.item = story();
    await el.updateComplete;
    expect(has(el, 'card'), 'card').to.equal(true);
  });

  it('takes heading-level, no-images, no-summary, no-date and target as attributes', async () => {
    const el = await fixture<NewsCard>(
      html`<news-card .item=${story()} heading-level="2" no-images no-summary no-date target="_blank"></news-card>`,
    );
    expect(!!el.shadowRoot!.querySelector('h2'), 'present').to.equal(true);
    expect(!!el.shadowRoot!.querySelector('h3'), 'present').to.equal(false);
    for (const name of ['media', 'image', 'summary', 'time']) expect(has(el, name), name).to.equal(false);
    expect(part(el, 'link')!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(part(el, 'author')!.textContent).to.equal('Aysel');
    await expect(el).to.be.accessible();
  });

  it('formats its date in its locale, or in the nearest lang', async () => {
    const el = await fixture<NewsCard>(html`<news-card .item=${story()} locale="ru"></news-card>`);
    expect(part(el, 'time')!.textContent).to.equal('21 дек. 2023 г.');
    const wrapper = await fixture<HTMLElement>(html`<p lang="en-GB"><news-card .item=${story()}></news-card></p>`);
    expect(part(wrapper.querySelector('news-card')!, 'time')!.textContent).to.equal('21 Dec 2023');
  });

  it('keeps the image box and hides a broken image', async () => {
    const item = itemOf({ ...newsItems(1)[0], image: `/missing-${Date.now()}.png` });
    const el = await fixture<NewsCard>(html`<news-card .item=${item} style="inline-size: 320px"></news-card>`);
    const img = part(el, 'image')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    await waitUntil(() => !part(el, 'image'), 'the broken image stayed');
    const box = part(el, 'media')!.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(0);
    expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
    await expect(el).to.be.accessible();
  });

  it('puts the image beside the text in a wide `news-card` container, above it otherwise', async () => {
    const wide = await fixture<HTMLElement>(
      html`<div style="container: news-card / inline-size; inline-size: 700px"><news-card .item=${story()}></news-card></div>`,
    );
    const card = (host: HTMLElement) => part(host.querySelector('news-card')!, 'card')!;
    expect(getComputedStyle(card(wide)).flexDirection).to.equal('row');
    wide.style.inlineSize = '300px';
    await waitUntil(() => getComputedStyle(card(wide)).flexDirection === 'column');
    const plain = await fixture<NewsCard>(html`<news-card .item=${story()} style="inline-size: 700px"></news-card>`);
    expect(getComputedStyle(part(plain, 'card')!).flexDirection).to.equal('column');
  });

  it('is a dense row with a small thumbnail and no summary when compact', async () => {
    const el = await fixture<NewsCard>(
      html`<news-card .item=${story()} compact style="inline-size: 400px"></news-card>`,
    );
    expect(has(el, 'summary'), 'summary').to.equal(false);
    expect(getComputedStyle(part(el, 'card')!).flexDirection).to.equal('row');
    const box = part(el, 'media')!.getBoundingClientRect();
    expect(box.width).to.equal(box.height);
    expect(box.width).to.be.lessThan(100);
  });

  it('stays safe with an item that page code built by hand, hostile and half-broken', async () => {
    const pwned = watchPwned();
    try {
      for (const url of HOSTILE_URLS) {
        const item = {
          id: 1,
          title: HOSTILE_TEXT[0],
          text: null,
          url,
          image: url,
          tags: [HOSTILE_TEXT[1], null, 7, { name: 'x' }],
          authors: [null, { name: HOSTILE_TEXT[2], url }, { name: undefined }, 'Someone'],
          published: new Date('nonsense'),
          modified: 'yesterday',
          language: 42,
        } as unknown as Item;
        const el = await fixture<NewsCard>(html`<news-card .item=${item}></news-card>`);
        const root = el.shadowRoot!;
        expect(liveUrls(root), url).to.deep.equal([]);
        expect(activeMarkup(root)).to.deep.equal([]);
        expect(part(el, 'title')!.textContent!.trim()).to.equal(HOSTILE_TEXT[0]);
        expect([...root.querySelectorAll('[part="tag"]')].map((tag) => tag.textContent)).to.deep.equal([
          HOSTILE_TEXT[1],
        ]);
        expect(part(el, 'author')!.textContent).to.equal(HOSTILE_TEXT[2]);
        expect(part(el, 'card')!.hasAttribute('lang')).to.equal(false);
        expect(has(el, 'time'), 'time').to.equal(false);
        expect(el.shadowRoot!.querySelector('article')!.innerText).to.not.match(BROKEN_TEXT);
      }
      expect(pwned.calls).to.equal(0);
    } finally {
      pwned.restore();
    }
  });

  it('cuts a huge title set by page code and keeps to its width', async () => {
    const item = { ...story(), title: 'W'.repeat(1_000_000) } as Item;
    const el = await fixture<NewsCard>(html`<news-card .item=${item} style="inline-size: 300px"></news-card>`);
    const title = part(el, 'title')!;
    expect(title.textContent!.trim().length).to.be.at.most(301);
    expect(part(el, 'card')!.getBoundingClientRect().width).to.be.at.most(300);
    expect(title.scrollWidth).to.be.at.most(title.clientWidth);
  });
});
