import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/index.js';
import { jsonFeed, reviewItems } from '../helpers/feeds.js';

// A Hebrew page: every layout mirrors, because the elements use logical CSS properties.
const hebrew = jsonFeed(
  ['פוליטיקה', 'חברה', 'כלכלה', 'מזג אוויר'].map((tag, i) => ({
    id: `he-${i}`,
    url: `https://news.example/he/${i}`,
    title: `כותרת מספר ${i + 1}`,
    summary: 'תקציר קצר של הידיעה.',
    date_published: new Date(Date.UTC(2023, 11, 21 - i)).toISOString(),
    tags: [tag],
    language: 'he',
  })),
  { language: 'he' },
);

const box = (element: Element) => element.getBoundingClientRect();

async function inHebrewPage<T extends HTMLElement>(template: ReturnType<typeof html>, tag: string) {
  const page = await fixture<HTMLElement>(html`<div dir="rtl" lang="he" style="width: 900px">${template}</div>`);
  const el = page.querySelector(tag) as T & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return { page, el };
}

describe('right-to-left pages', () => {
  it('<news-cards> puts the first card at the inline start, the right', async () => {
    const { el } = await inHebrewPage(html`<news-cards .feed=${hebrew}></news-cards>`, 'news-cards');
    const [first, second] = [...el.shadowRoot!.querySelectorAll('[part~="item"]')];
    expect(box(first!).left, 'the second card lies left of the first').to.be.greaterThan(box(second!).left);
    await expect(el).to.be.accessible();
  });

  it('<news-categories> starts its headings and tabs at the right', async () => {
    const { el } = await inHebrewPage(
      html`<news-categories layout="tabs" .feed=${hebrew}></news-categories>`,
      'news-categories',
    );
    const [first, second] = [...el.shadowRoot!.querySelectorAll('[part~="tab"]')];
    expect(box(first!).left).to.be.greaterThan(box(second!).left);
    await expect(el).to.be.accessible();
  });

  it('<news-reviews> lays its stars from the right: one star first', async () => {
    const reviews = jsonFeed(reviewItems([5, 4]));
    const { el } = await inHebrewPage(
      html`<news-reviews action="/api/reviews" .feed=${reviews}></news-reviews>`,
      'news-reviews',
    );
    const stars = [...el.shadowRoot!.querySelectorAll('[part~="star"]')];
    expect(stars.length).to.equal(5);
    expect(box(stars[0]!).left, 'the second star lies left of the first').to.be.greaterThan(box(stars[1]!).left);
    await expect(el).to.be.accessible();
  });
});
