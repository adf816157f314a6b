import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { parseFeed } from '../../src/core/parse-feed.js';
import '../../src/define/index.js';
import { jsonFeed, newsItems, reviewItems } from '../helpers/feeds.js';

const TINT = 'rgb(240, 234, 214)';
const TRANSPARENT = 'rgba(0, 0, 0, 0)';
const WHITE = 'rgb(255, 255, 255)';

describe('surfaces on a tinted page', () => {
  let page: HTMLElement;
  let elements: LitElement[];

  beforeEach(async () => {
    const news = jsonFeed(newsItems(2));
    page = await fixture<HTMLElement>(html`<div style="background: ${TINT}; padding: 1rem">
      <news-ticker .feed=${news}></news-ticker>
      <news-cards .feed=${news} style="inline-size: 60rem"></news-cards>
      <news-card .item=${parseFeed(news).items[0]}></news-card>
      <news-categories .feed=${news}></news-categories>
      <news-categories .feed=${news} layout="tabs"></news-categories>
      <news-reviews .feed=${jsonFeed(reviewItems([5]))} action="/reviews" item=""></news-reviews>
    </div>`);
    elements = [...page.children] as LitElement[];
    await Promise.all(elements.map((el) => el.updateComplete));
  });

  it('paints no background of its own: the page shows through every element and its wrapper', () => {
    for (const el of elements) {
      expect(getComputedStyle(el).backgroundColor, el.localName).to.equal(TRANSPARENT);
      const base = el.shadowRoot!.querySelector('[part="base"]');
      if (base) expect(getComputedStyle(base).backgroundColor, `${el.localName} base`).to.equal(TRANSPARENT);
    }
    // The grid's empty cells and gaps are the page's: a grid of two cards in a wide element.
    const list = elements[1]!.shadowRoot!.querySelector('[part="list"]')!;
    expect(getComputedStyle(list).backgroundColor).to.equal(TRANSPARENT);
    // The tabs' rail too.
    const tablist = elements[4]!.shadowRoot!.querySelector('[part="tablist"]')!;
    expect(getComputedStyle(tablist).backgroundColor).to.equal(TRANSPARENT);
  });

  it('keeps the first tab off the edge of its rail, so a hovered tab does not touch it', () => {
    const tablist = elements[4]!.shadowRoot!.querySelector('[part="tablist"]')!;
    const first = tablist.querySelector('[role="tab"]')!;
    expect(first.getBoundingClientRect().left - tablist.getBoundingClientRect().left).to.be.greaterThan(0);
  });

  it('keeps the surfaces on the cards themselves and on the form fields', () => {
    for (const el of [elements[1]!, elements[2]!]) {
      const card = el.shadowRoot!.querySelector('[part="card"]')!;
      expect(getComputedStyle(card).backgroundColor, el.localName).to.equal(WHITE);
    }
    const field = elements[5]!.shadowRoot!.querySelector('textarea')!;
    expect(getComputedStyle(field).backgroundColor).to.equal(WHITE);
  });
});
