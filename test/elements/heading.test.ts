import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { parseFeed } from '../../src/core/parse-feed.js';
import '../../src/define/index.js';
import { jsonFeed, newsItems, reviewItems } from '../helpers/feeds.js';

type Make = (heading: string | undefined, level: string | undefined) => TemplateResult;

const news = jsonFeed(newsItems(3));
const reviews = jsonFeed(reviewItems([5, 4]));
const item = parseFeed(news).items[0]!;

/** Every element, built with `heading` and `heading-level` when given; and what it draws inside. */
const ELEMENTS: { tag: string; make: Make; fallbackLevel: number; inner?: string }[] = [
  {
    tag: 'news-ticker',
    make: (h, l) => html`<news-ticker .feed=${news} heading=${h ?? ''} heading-level=${l ?? '2'}></news-ticker>`,
    fallbackLevel: 2,
  },
  {
    tag: 'news-cards',
    make: (h, l) => html`<news-cards .feed=${news} heading=${h ?? ''} heading-level=${l ?? '3'}></news-cards>`,
    fallbackLevel: 3,
    inner: '[part="title"]',
  },
  {
    tag: 'news-card',
    make: (h, l) => html`<news-card .item=${item} heading=${h ?? ''} heading-level=${l ?? '3'}></news-card>`,
    fallbackLevel: 3,
    inner: '[part="title"]',
  },
  {
    tag: 'news-categories',
    make: (h, l) =>
      html`<news-categories .feed=${news} heading=${h ?? ''} heading-level=${l ?? '2'}></news-categories>`,
    fallbackLevel: 2,
    inner: '[part="heading"]',
  },
  {
    tag: 'news-reviews',
    make: (h, l) =>
      html`<news-reviews .feed=${reviews} heading=${h ?? ''} heading-level=${l ?? '2'} action="/reviews" item=""></news-reviews>`,
    fallbackLevel: 2,
    inner: '.form-title',
  },
];

async function render(make: Make, heading?: string, level?: string) {
  const el = await fixture<LitElement>(make(heading, level));
  await el.updateComplete;
  return el;
}

const headerOf = (el: LitElement) => el.shadowRoot!.querySelector<HTMLElement>('[part~="header"]');

describe('heading and heading-level, the same in every element', () => {
  for (const { tag, make, fallbackLevel, inner } of ELEMENTS) {
    describe(`<${tag}>`, () => {
      it('draws the heading it is given, at heading-level, with what is inside one level deeper', async () => {
        const el = await render(make, 'From the newsroom', '3');
        const header = headerOf(el)!;
        expect(header.localName).to.equal('h3');
        expect(header.textContent!.trim()).to.equal('From the newsroom');
        if (inner) expect(el.shadowRoot!.querySelector(inner)!.localName).to.equal('h4');
        await expect(el).to.be.accessible();
      });

      it('draws no heading of its own for heading="none", in any case', async () => {
        for (const none of ['none', 'None', ' NONE ']) {
          const el = await render(make, none);
          expect(headerOf(el), none).to.equal(null);
          expect(el.shadowRoot!.textContent, none).to.not.contain('Reviews').and.not.contain('none');
          if (inner) expect(el.shadowRoot!.querySelector(inner)!.localName).to.equal(`h${fallbackLevel}`);
        }
      });

      it('clamps heading-level to 1…6 and takes the default for what is not a number, empty included', async () => {
        const cases: [string, string][] = [
          ['0', 'h1'],
          ['-4', 'h1'],
          ['9', 'h6'],
          ['2.6', 'h3'],
          ['two', `h${fallbackLevel}`],
          ['', `h${fallbackLevel}`],
          [' ', `h${fallbackLevel}`],
        ];
        for (const [level, expected] of cases) {
          const el = await render(make, 'Heading', level);
          expect(headerOf(el)!.localName, `heading-level="${level}"`).to.equal(expected);
          expect(el.getAttribute('heading-level'), 'the attribute stays as written').to.equal(level);
        }
      });
    });
  }

  it('draws no heading by default but in <news-reviews>, which says "Reviews"', async () => {
    const drawn = [];
    for (const { tag, make } of ELEMENTS) {
      const header = headerOf(await render(make));
      drawn.push([tag, header?.textContent?.trim() ?? null]);
    }
    expect(drawn).to.deep.equal([
      ['news-ticker', null],
      ['news-cards', null],
      ['news-card', null],
      ['news-categories', null],
      ['news-reviews', 'Reviews'],
    ]);
  });
});
