import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import '../../src/define/news-ticker.js';
import type { NewsTicker } from '../../src/elements/news-ticker/news-ticker.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { requireReducedMotion } from '../helpers/reduced-motion.js';
import {
  duplicate,
  focused,
  frames,
  headlines,
  inView,
  left,
  pauseButton,
  tabUntil,
  viewport,
} from '../helpers/ticker.js';

// Runs in the reduced-motion group: both engines are launched preferring reduced motion.
const feed = (n = 6) => jsonFeed(newsItems(n));

describe('<news-ticker> with reduced motion', () => {
  requireReducedMotion();
  it('does not move, and shows no copy and no pause button', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker style="width: 400px" .feed=${feed()}></news-ticker>`);
    await el.updateComplete;
    await frames(2);
    expect(el.shadowRoot!.getAnimations().length, 'animations').to.equal(0);
    expect(getComputedStyle(headlines(el)[0]!.closest('[part~="list"]')!.parentElement!).animationName).to.equal(
      'none',
    );
    expect(duplicate(el)!.checkVisibility()).to.be.false;
    expect(pauseButton(el).checkVisibility()).to.be.false;
    const still = left(headlines(el)[0]!);
    await frames(5);
    expect(left(headlines(el)[0]!)).to.equal(still);
    await expect(el).to.be.accessible();
  });

  it('keeps every headline reachable: by Tab, and by scrolling the row', async () => {
    const items = newsItems(6);
    delete items[5]!.url; // the last one is plain text, reachable only by scrolling
    const el = await fixture<NewsTicker>(
      html`<news-ticker style="width: 400px" .feed=${jsonFeed(items)}></news-ticker>`,
    );
    await el.updateComplete;
    const row = viewport(el);
    expect(row.scrollWidth).to.be.above(row.clientWidth);
    const links = headlines(el).filter((h) => h.localName === 'a');
    expect(links.length).to.equal(5);
    for (const link of links) {
      await tabUntil(() => focused(el) === link, 2);
      await waitUntil(() => inView(el, link), `${link.textContent} stays out of sight`);
    }
    const last = headlines(el).at(-1)!;
    row.scrollBy({ left: row.scrollWidth, behavior: 'instant' });
    expect(inView(el, last), 'the last headline cannot be scrolled to').to.be.true;
  });
});
