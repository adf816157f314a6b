import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/news-categories.js';
import type { NewsCategories } from '../../src/define/news-categories.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';

const ACCENT = 'rgb(160, 0, 90)';

/** Tabs to the first headline of an element styled with `style`, and returns its outline colour. */
async function focusRing(style: string) {
  const el = await fixture<NewsCategories>(
    html`<news-categories .feed=${jsonFeed(newsItems(1))} style=${style}></news-categories>`,
  );
  await sendKeys({ press: 'Tab' });
  const link = el.shadowRoot!.querySelector<HTMLElement>('[part="link"]')!;
  expect(el.shadowRoot!.activeElement).to.equal(link);
  return getComputedStyle(link).outlineColor;
}

describe('--news-focus-color', () => {
  it('follows the accent colour when only the accent is set', async () => {
    expect(await focusRing(`--news-accent: ${ACCENT}`)).to.equal(ACCENT);
  });

  it('is its own colour when set', async () => {
    expect(await focusRing(`--news-accent: ${ACCENT}; --news-focus-color: rgb(0, 120, 0)`)).to.equal('rgb(0, 120, 0)');
  });
});
