import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import '../../src/define/news-categories.js';
import type { NewsCategories } from '../../src/elements/news-categories/news-categories.js';
import { HOSTILE_TEXT, hostileItems, jsonFeed, messyItems, newsItems } from '../helpers/feeds.js';
import { BROKEN_TEXT, watchPwned } from '../helpers/hostile.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { parseFeed } from '../../src/core/parse-feed.js';

const LAYOUTS = ['sections', 'tabs'] as const;

const $$ = (root: ParentNode, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const parts = (el: NewsCategories, part: string) => $$(el.shadowRoot!, `[part~="${part}"]`);
const text = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();

/** Every tab's panel in turn, so all of the tabs layout is checked, not only the first panel. */
async function eachPanel(el: NewsCategories, check: () => void) {
  const tabs = parts(el, 'tab');
  if (!tabs.length) return check();
  for (const tab of tabs) {
    tab.click();
    await el.updateComplete;
    check();
  }
}

describe('<news-categories> with hostile and broken feeds', () => {
  let pwned: ReturnType<typeof watchPwned>;
  let network: ReturnType<typeof stubFetch> | undefined;
  beforeEach(() => {
    pwned = watchPwned();
  });
  afterEach(() => {
    network?.restore();
    network = undefined;
    pwned.restore();
  });

  for (const layout of LAYOUTS) {
    describe(`layout="${layout}"`, () => {
      it('never turns a javascript:, data: or vbscript: URL into a live link', async () => {
        const el = await fixture<NewsCategories>(
          html`<news-categories layout=${layout} .feed=${jsonFeed(hostileItems())}></news-categories>`,
        );
        expect(parts(el, 'item').length).to.be.greaterThan(0);
        const links = $$(el.shadowRoot!, '[href], [src], [srcset], [action], [formaction]');
        for (const link of links) {
          expect(['http:', 'https:'], link.outerHTML).to.include(new URL((link as HTMLAnchorElement).href).protocol);
        }
        // The entity-encoded schemes resolve as harmless relative paths; the others give no link.
        const hrefs = new Set(links.map((link) => new URL((link as HTMLAnchorElement).href).origin));
        expect([...hrefs]).to.deep.equal([location.origin]);
        expect(links.length).to.be.greaterThan(0);
        expect(parts(el, 'link').length).to.be.below(parts(el, 'item').length);
        await pwned.settle();
        expect(pwned.calls).to.equal(0);
        await expect(el).to.be.accessible();
      });

      it('shows markup in titles and tags as text that never runs', async () => {
        const el = await fixture<NewsCategories>(
          html`<news-categories layout=${layout} .feed=${jsonFeed(hostileItems())}></news-categories>`,
        );
        const names = parts(el, layout === 'tabs' ? 'tab' : 'heading').map(text);
        expect(names).to.include.members(HOSTILE_TEXT);
        await eachPanel(el, () => {
          for (const title of parts(el, 'title').filter((t) => t.checkVisibility())) {
            expect(HOSTILE_TEXT).to.include(text(title));
          }
        });
        expect($$(el.shadowRoot!, 'img, script, svg, iframe, object, embed')).to.have.length(0);
        expect(parts(el, 'title').every((title) => title.children.length === 0)).to.equal(true);
        await pwned.settle();
        expect(pwned.calls).to.equal(0);
      });

      it('cuts a 1 MB title and a huge tag short, without widening the layout or freezing', async () => {
        const huge = 'W'.repeat(1_000_000);
        // fixtureSync: fixture() waits a frame for a plain wrapper, and a background tab gets none.
        const wrapper = fixtureSync<HTMLElement>(html`<div style="inline-size: 320px">
          <news-categories
            layout=${layout}
            .feed=${jsonFeed([{ id: 'big', title: huge, url: 'https://news.example/big', tags: [huge, 'Politics'] }])}
          ></news-categories>
        </div>`);
        const el = wrapper.querySelector('news-categories')!;
        await el.updateComplete;
        const title = parts(el, 'title')[0]!;
        expect(text(title).length).to.be.within(10, 400);
        expect(text(title).endsWith('…')).to.equal(true);
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
        for (const part of [
          ...parts(el, 'base'),
          ...parts(el, 'tablist'),
          ...parts(el, 'section'),
          ...parts(el, 'panel'),
        ]) {
          expect(part.scrollWidth, part.getAttribute('part')!).to.be.at.most(320);
        }
        for (const part of [title, ...parts(el, 'heading'), ...parts(el, 'tab')]) {
          expect(part.getBoundingClientRect().right, part.getAttribute('part')!).to.be.at.most(
            wrapper.getBoundingClientRect().right + 0.5,
          );
        }
      });

      it('renders only limit per category of a 10,000-item feed', async () => {
        const feed = parseFeed(jsonFeed(newsItems(10_000)));
        const el = await fixture<NewsCategories>(
          html`<news-categories layout=${layout} limit="5" .feed=${feed}></news-categories>`,
        );
        expect(parts(el, 'item')).to.have.length(15);
        expect(parts(el, layout === 'tabs' ? 'tab' : 'heading').map(text)).to.deep.equal([
          'Politics',
          'Social',
          'Economy',
        ]);
      });

      it('shows what is usable of wrong, null and duplicate fields, and never null or NaN', async () => {
        const el = await fixture<NewsCategories>(
          html`<news-categories layout=${layout} .feed=${jsonFeed(messyItems())}></news-categories>`,
        );
        const shown: string[] = [];
        await eachPanel(el, () => {
          for (const item of parts(el, 'item').filter((i) => i.checkVisibility())) shown.push(text(item));
        });
        expect(shown.join(' | ')).not.to.match(BROKEN_TEXT);
        expect(text(el.shadowRoot!)).not.to.match(BROKEN_TEXT);
        for (const words of [
          'usable summary one',
          'usable text seven',
          'usable html three',
          'usable title four',
          'usable summary five',
        ]) {
          expect(
            shown.some((item) => item.startsWith(words)),
            words,
          ).to.equal(true);
        }
        expect(shown.join(' ')).not.to.contain('never shown');
        for (const node of $$(el.shadowRoot!, '*')) {
          for (const { value } of node.attributes) expect(value).not.to.match(BROKEN_TEXT);
        }
        for (const time of parts(el, 'time')) {
          expect(Number.isNaN(Date.parse(time.getAttribute('datetime')!))).to.equal(false);
        }
        await expect(el).to.be.accessible();
      });
    });
  }

  it('reads a 10,000-item feed from the network and shows limit per category', async () => {
    network = stubFetch(() => ({ body: jsonFeed(newsItems(10_000)) }));
    const el = await fixture<NewsCategories>(
      html`<news-categories limit="5" src=${uniqueUrl('huge')}></news-categories>`,
    );
    await waitUntil(() => parts(el, 'item').length, 'no headlines appeared');
    expect(parts(el, 'item')).to.have.length(15);
  });

  it('keeps a broken feed from affecting its neighbour', async () => {
    const broken = uniqueUrl('broken');
    const good = uniqueUrl('good');
    network = stubFetch((url) =>
      url.endsWith(broken)
        ? { body: '{"version": "https://jsonfeed.org/version/1.1", "items": [' }
        : { body: jsonFeed(newsItems(6)) },
    );
    const wrapper = fixtureSync<HTMLElement>(html`<div>
      <news-categories src=${broken}></news-categories>
      <news-categories src=${good} layout="tabs"></news-categories>
    </div>`);
    const [bad, fine] = [...wrapper.querySelectorAll('news-categories')] as NewsCategories[];
    await waitUntil(() => parts(bad!, 'retry').length && parts(fine!, 'item').length, 'both should settle');
    expect(parts(fine!, 'tab').map(text)).to.deep.equal(['Politics', 'Social', 'Economy']);
    expect(parts(fine!, 'error')).to.have.length(0);
    expect(parts(bad!, 'item')).to.have.length(0);
    await expect(wrapper).to.be.accessible();
  });
});
