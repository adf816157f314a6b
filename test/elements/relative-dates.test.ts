import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import { parseFeed } from '../../src/core/parse-feed.js';
import '../../src/define/index.js';
import { jsonFeed, newsItems, reviewItems } from '../helpers/feeds.js';
import { restoreVisibility, setVisibility } from '../helpers/visibility.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
const MINUTE = 60_000;

/** A feed of one item published two minutes before `NOW`. */
const feedOf = (raw: Record<string, unknown>) =>
  jsonFeed([{ ...raw, date_published: new Date(NOW - 2 * MINUTE).toISOString() }]);
const news = () => feedOf(newsItems(1)[0]!);

// Each element that shows dates, drawing one dated item.
const elements = {
  'news-cards': () => html`<news-cards .feed=${news()} locale="en"></news-cards>`,
  'news-card': () => html`<news-card .item=${parseFeed(news()).items[0]} locale="en"></news-card>`,
  'news-categories': () => html`<news-categories .feed=${news()} locale="en"></news-categories>`,
  'news-reviews': () => html`<news-reviews .feed=${feedOf(reviewItems([4])[0]!)} locale="en"></news-reviews>`,
};

const shownDate = (el: Element) => el.shadowRoot!.querySelector('time')?.textContent?.trim();

describe('relative dates', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    setVisibility('visible');
  });

  afterEach(() => {
    clock.restore();
    restoreVisibility();
  });

  for (const [tag, template] of Object.entries(elements)) {
    it(`<${tag}> keeps "minutes ago" true while the page stays open`, async () => {
      const el = await fixture<LitElement>(template());
      expect(shownDate(el)).to.equal('2 minutes ago');
      clock.tick(3 * MINUTE);
      await el.updateComplete;
      expect(shownDate(el)).to.equal('5 minutes ago');
    });
  }

  it('does not tick in a hidden tab, and catches up as soon as the tab is seen again', async () => {
    const el = await fixture<LitElement>(elements['news-cards']());
    setVisibility('hidden');
    expect(clock.countTimers()).to.equal(0);
    clock.tick(10 * MINUTE);
    await el.updateComplete;
    expect(shownDate(el)).to.equal('2 minutes ago');
    setVisibility('visible');
    await el.updateComplete;
    expect(shownDate(el)).to.equal('12 minutes ago');
    expect(clock.countTimers()).to.equal(1);
  });

  it('runs one timer for the page, and none once the last dated element is gone', async () => {
    const parent = await fixture<HTMLElement>(html`<div></div>`);
    const els = Array.from({ length: 3 }, () => document.createElement('news-cards'));
    parent.append(...els);
    expect(clock.countTimers()).to.equal(1);
    els.slice(1).forEach((el) => el.remove());
    expect(clock.countTimers()).to.equal(1);
    els[0]!.remove();
    expect(clock.countTimers()).to.equal(0);
  });

  it('leaves the DOM alone when a tick changes no date', async () => {
    const el = await fixture<LitElement>(html`<news-cards .feed=${jsonFeed(newsItems(3))} locale="en"></news-cards>`);
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    const render = sinon.spy(el as unknown as { render(): unknown }, 'render');
    clock.tick(MINUTE);
    await el.updateComplete;
    expect(render.callCount).to.equal(1);
    const changes = records.length + observer.takeRecords().length;
    observer.disconnect();
    // The items are years old: their dates are absolute and stay as they are.
    expect(changes).to.equal(0);
  });
});
