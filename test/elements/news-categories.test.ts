import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/news-categories.js';
import type { NewsCategories } from '../../src/elements/news-categories/news-categories.js';
import '../../src/locales/ru.js';
import { jsonFeed, newsItems, type RawItem } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl, type Reply } from '../helpers/fetch-stub.js';

const LAYOUTS = ['sections', 'tabs'] as const;

/** An ISO date on 2023-12-`day` at `hour` UTC. */
const on = (day: number, hour = 12) => new Date(Date.UTC(2023, 11, day, hour)).toISOString();

const story = (id: string, tags: unknown, date?: string, extra: RawItem = {}): RawItem => ({
  id,
  title: `Story ${id}`,
  url: `https://news.example/${id}`,
  tags,
  ...(date ? { date_published: date } : {}),
  ...extra,
});

/** Renders a `<news-categories>` with `attributes` and, when given, `items` as its `feed` property. */
async function show(attributes: Record<string, string>, items?: unknown[]) {
  const el = document.createElement('news-categories');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (items) el.feed = jsonFeed(items);
  return fixture<NewsCategories>(html`${el}`);
}

const $$ = (root: ParentNode, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const parts = (el: NewsCategories, part: string) => $$(el.shadowRoot!, `[part~="${part}"]`);
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const headings = (el: NewsCategories) => parts(el, 'heading').map(text);
const tabNames = (el: NewsCategories) => parts(el, 'tab').map(text);
const titles = (root: ParentNode) => $$(root, '[part~="title"]').map(text);
/** Each section's heading with the titles under it. */
const sections = (el: NewsCategories) =>
  parts(el, 'section').map((section) => [text(section.querySelector('[part~="heading"]')!), ...titles(section)]);

const hasItems = (el: NewsCategories) => () => parts(el, 'item').length > 0;
const focused = (el: NewsCategories) => el.shadowRoot!.activeElement as HTMLElement | null;
const visiblePanels = (el: NewsCategories) => parts(el, 'panel').filter((panel) => panel.checkVisibility());

describe('<news-categories>', () => {
  let network: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    network?.restore();
    network = undefined;
  });

  /** Serves `replies` in turn at a fresh URL (the last one repeats) and renders an element reading it. */
  async function serve(attributes: Record<string, string>, ...replies: Reply[]) {
    const url = uniqueUrl('categories');
    network = stubFetch((_url, _init, call) => replies[Math.min(call, replies.length) - 1]!);
    return show({ ...attributes, src: url });
  }

  describe('states', () => {
    for (const layout of LAYOUTS) {
      describe(`layout="${layout}"`, () => {
        it('shows a skeleton in its layout shape while loading, busy and accessible', async () => {
          const el = await serve({ layout, categories: 'Politics,Social,Economy', limit: '4' }, { hang: true });
          const base = parts(el, 'base')[0]!;
          expect(base.getAttribute('aria-busy')).to.equal('true');
          const skeleton = parts(el, 'skeleton')[0]!;
          expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
          expect(skeleton.querySelectorAll('.item')).to.have.length(layout === 'tabs' ? 4 : 12);
          if (layout === 'tabs') expect(skeleton.querySelectorAll('.tab')).to.have.length(3);
          else expect(skeleton.querySelectorAll('.section')).to.have.length(3);
          expect(text(parts(el, 'status')[0]!)).to.equal('Loading news…');
          await expect(el).to.be.accessible();
        });

        it('keeps its height when the headlines replace the skeleton', async () => {
          let answer: ((reply: Reply) => void) | undefined;
          network = stubFetch(() => new Promise<Reply>((resolve) => (answer = resolve)));
          const el = await show({ layout, limit: '3', categories: 'Social,Politics', src: uniqueUrl('categories') });
          await waitUntil(() => answer, 'no request was made');
          const loading = el.getBoundingClientRect().height;
          answer!({ body: jsonFeed(newsItems(6, ['Social', 'Politics'])) });
          await waitUntil(hasItems(el), 'no headlines appeared');
          expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 0.5);
        });

        it('shows the headlines when ready, not busy and accessible', async () => {
          const el = await serve({ layout }, { body: jsonFeed(newsItems(6)) });
          await waitUntil(hasItems(el), 'no headlines appeared');
          expect(parts(el, 'base')[0]!.getAttribute('aria-busy')).to.equal('false');
          expect(parts(el, 'skeleton')).to.have.length(0);
          await expect(el).to.be.accessible();
        });

        it('says so, accessibly, when no item is in the chosen categories', async () => {
          const el = await serve({ layout, categories: 'Sport' }, { body: jsonFeed(newsItems(6)) });
          await waitUntil(
            () => parts(el, 'status').some((status) => text(status) === 'No headlines yet.'),
            'no empty message',
          );
          expect(parts(el, 'item')).to.have.length(0);
          await expect(el).to.be.accessible();
        });

        it('reports an error with a Retry button that loads the feed again', async () => {
          const el = await serve({ layout }, { status: 500 }, { body: jsonFeed(newsItems(3)) });
          const event = await oneEvent(el, 'news-error');
          expect(event.detail.error.code).to.equal('http');
          await waitUntil(() => parts(el, 'retry').length, 'no Retry button');
          expect(text(parts(el, 'error')[0]!)).to.contain('The news could not be loaded.');
          await expect(el).to.be.accessible();

          parts(el, 'retry')[0]!.click();
          await waitUntil(hasItems(el), 'Retry did not load the feed');
          expect(parts(el, 'error')).to.have.length(0);
        });

        it('keeps the last good headlines when a refresh fails', async () => {
          const el = await serve({ layout, refresh: '0.05' }, { body: jsonFeed(newsItems(6)) }, { status: 503 });
          await waitUntil(hasItems(el), 'no headlines appeared');
          const before = titles(el.shadowRoot!);
          await oneEvent(el, 'news-error');
          await el.updateComplete;
          expect(titles(el.shadowRoot!)).to.deep.equal(before);
          expect(parts(el, 'retry')).to.have.length(0);
          await expect(el).to.be.accessible();
        });
      });
    }

    it("shows the page's fallback link while loading and beside Retry when the feed fails", async () => {
      let answer: ((reply: Reply) => void) | undefined;
      network = stubFetch(() => new Promise<Reply>((resolve) => (answer = resolve)));
      const el = await fixture<NewsCategories>(
        html`<news-categories src=${uniqueUrl('categories')}><a href="/news">All news</a></news-categories>`,
      );
      const fallback = el.querySelector('a')!;
      expect(fallback.assignedSlot?.name).to.equal('');
      expect(fallback.checkVisibility()).to.equal(true);
      await waitUntil(() => answer, 'no request was made');
      answer!({ status: 404 });
      await waitUntil(() => parts(el, 'retry').length, 'no Retry button');
      expect(
        fallback.assignedSlot?.closest('[part~="error"]') === parts(el, 'error')[0],
        'the fallback shows in the error',
      ).to.equal(true);
      expect(text(parts(el, 'error')[0]!)).not.to.contain('could not be loaded');
      await expect(el).to.be.accessible();
    });

    it('shows the empty message for a feed without items', async () => {
      const el = await show({}, []);
      expect(text(parts(el, 'status')[0]!)).to.equal('No headlines yet.');
    });

    it('names itself with label', async () => {
      const el = await show({ label: 'News by topic' }, newsItems(3));
      const base = parts(el, 'base')[0]!;
      expect(base.getAttribute('role')).to.equal('region');
      expect(base.getAttribute('aria-label')).to.equal('News by topic');
      await expect(el).to.be.accessible();
    });
  });

  it('keeps AA contrast in a dark colour scheme, in both layouts', async () => {
    // A dark page: the element has no background of its own.
    const wrapper = fixtureSync<HTMLElement>(html`<div style="color-scheme: dark; background: Canvas">
      <news-categories .feed=${jsonFeed(newsItems(6))}></news-categories>
      <news-categories layout="tabs" .feed=${jsonFeed(newsItems(6))}></news-categories>
    </div>`);
    const [sections, tabs] = [...wrapper.querySelectorAll('news-categories')];
    await Promise.all([sections!.updateComplete, tabs!.updateComplete]);
    expect(getComputedStyle(parts(tabs!, 'tab')[0]!).color).to.equal('rgb(241, 241, 241)');
    await expect(wrapper).to.be.accessible();
  });

  describe('grouping', () => {
    it('gives each category a heading and lists each item under every one of its tags', async () => {
      const el = await show({}, [
        story('a', ['Politics', 'Social'], on(20)),
        story('b', ['Social'], on(19)),
        story('c', ['Economy'], on(18)),
      ]);
      expect(sections(el)).to.deep.equal([
        ['Politics', 'Story a'],
        ['Social', 'Story a', 'Story b'],
        ['Economy', 'Story c'],
      ]);
    });

    it('merges tags that differ only in case under the spelling the feed used first', async () => {
      const el = await show({}, [story('a', ['Social'], on(20)), story('b', ['SOCIAL', 'social'], on(19))]);
      expect(sections(el)).to.deep.equal([['Social', 'Story a', 'Story b']]);
    });

    it('lists headlines newest first whatever the feed order, undated last', async () => {
      const el = await show({}, [
        story('old', ['Social'], on(1)),
        story('undated', ['Social']),
        story('new', ['Social'], on(20)),
        story('mid', ['Social'], on(10)),
      ]);
      expect(sections(el)).to.deep.equal([['Social', 'Story new', 'Story mid', 'Story old', 'Story undated']]);
    });

    it('gathers untagged items last under "Other", in the element\'s language', async () => {
      const items = [story('loose', [], on(21)), story('a', ['Politics'], on(1))];
      const el = await show({}, items);
      expect(sections(el)).to.deep.equal([
        ['Politics', 'Story a'],
        ['Other', 'Story loose'],
      ]);
      const ru = await show({ locale: 'ru' }, items);
      expect(headings(ru)).to.deep.equal(['Politics', 'Другое']);
    });

    it('leaves untagged items out when categories are chosen', async () => {
      const el = await show({ categories: 'Politics' }, [story('loose', [], on(21)), story('a', ['Politics'], on(1))]);
      expect(sections(el)).to.deep.equal([['Politics', 'Story a']]);
    });
  });

  describe('ordering', () => {
    const items = [
      story('p1', ['Politics'], on(20)),
      story('s1', ['Social'], on(21)),
      story('u1', ['Undated']),
      story('e1', ['Economy'], on(2)),
      story('p2', ['Politics'], on(3)),
    ];

    it('puts the category with the most recent item first, and categories without dates last', async () => {
      const el = await show({}, items);
      expect(headings(el)).to.deep.equal(['Social', 'Politics', 'Economy', 'Undated']);
    });

    it('follows categories: chosen and ordered, matched in any case, spelled as in the feed', async () => {
      const el = await show({ categories: ' economy , POLITICS,Sport' }, items);
      expect(sections(el)).to.deep.equal([
        ['Economy', 'Story e1'],
        ['Politics', 'Story p1', 'Story p2'],
      ]);
    });

    it('reorders when categories changes', async () => {
      const el = await show({ categories: 'Economy,Social' }, items);
      el.categories = 'Social,Economy';
      await el.updateComplete;
      expect(headings(el)).to.deep.equal(['Social', 'Economy']);
    });

    it('reads the shared category attribute like categories, which wins when both are set', async () => {
      const el = await show({ category: 'Undated,Social' }, items);
      expect(headings(el)).to.deep.equal(['Undated', 'Social']);
      el.categories = 'Economy';
      await el.updateComplete;
      expect(headings(el)).to.deep.equal(['Economy']);
    });
  });

  describe('limit', () => {
    it('applies to each category, not to the whole feed', async () => {
      const el = await show({ limit: '2' }, newsItems(12));
      expect(sections(el)).to.deep.equal([
        ['Politics', 'Headline number 1', 'Headline number 4'],
        ['Social', 'Headline number 2', 'Headline number 5'],
        ['Economy', 'Headline number 3', 'Headline number 6'],
      ]);
    });

    it('shows every item when 0, and follows changes', async () => {
      const el = await show({ limit: '0' }, newsItems(12));
      expect(parts(el, 'item')).to.have.length(12);
      el.limit = 1;
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(3);
    });
  });

  describe('items', () => {
    it("links each title to its article and dates it in the element's locale", async () => {
      const date = on(5, 9);
      const el = await show({ locale: 'ru' }, [story('a', ['Politics'], date)]);
      const link = parts(el, 'link')[0]! as HTMLAnchorElement;
      expect(link.href).to.equal('https://news.example/a');
      expect(link.hasAttribute('target')).to.equal(false);
      expect(link.hasAttribute('rel')).to.equal(false);
      expect(text(link.querySelector('[part~="title"]')!)).to.equal('Story a');
      const time = parts(el, 'time')[0]!;
      expect(time.localName).to.equal('time');
      expect(time.getAttribute('datetime')).to.equal(date);
      expect(text(time)).to.equal(new Intl.DateTimeFormat('ru', { dateStyle: 'medium' }).format(new Date(date)));
    });

    it('shows a title without a link when the item has no URL, and no time without a date', async () => {
      const el = await show({}, [story('a', ['Politics'], undefined, { url: undefined })]);
      expect(parts(el, 'link')).to.have.length(0);
      expect(titles(el.shadowRoot!)).to.deep.equal(['Story a']);
      expect(parts(el, 'time')).to.have.length(0);
    });

    it('opens links in a new tab safely with target="_blank"', async () => {
      const el = await show({ target: '_blank' }, newsItems(2));
      for (const link of parts(el, 'link')) {
        expect(link.getAttribute('target')).to.equal('_blank');
        expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      }
    });

    it("marks a title's language, and right-to-left scripts, ignoring malformed tags", async () => {
      const el = await show({}, [
        story('ar', ['World'], on(3), { language: 'ar' }),
        story('az', ['World'], on(2), { language: 'az' }),
        story('bad', ['World'], on(1), { language: 'not a language!' }),
      ]);
      const [ar, az, bad] = parts(el, 'title');
      expect([ar!.lang, ar!.dir]).to.deep.equal(['ar', 'rtl']);
      expect([az!.lang, az!.dir]).to.deep.equal(['az', 'auto']);
      expect([bad!.hasAttribute('lang'), bad!.dir]).to.deep.equal([false, 'auto']);
      // The date is in the element's language, not the item's.
      expect(parts(el, 'time').every((time) => time.closest('[lang]') === null)).to.equal(true);
    });

    it('uses heading-level for the category headings (default 2)', async () => {
      const el = await show({}, newsItems(3));
      expect(parts(el, 'heading').map((h) => h.localName)).to.deep.equal(['h2', 'h2', 'h2']);
      el.headingLevel = 4;
      await el.updateComplete;
      expect(parts(el, 'heading').map((h) => h.localName)).to.deep.equal(['h4', 'h4', 'h4']);
      el.headingLevel = 9;
      await el.updateComplete;
      expect(parts(el, 'heading')[0]!.localName).to.equal('h6');
    });
  });

  describe('tabs', () => {
    const items = newsItems(12, ['Politics', 'Social', 'Economy', 'Culture']);

    /** A button before the widget, focused, so Tab enters the widget as a reader would. */
    async function tabs(attributes: Record<string, string> = {}, dir = 'ltr') {
      const el = document.createElement('news-categories');
      el.setAttribute('layout', 'tabs');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.feed = jsonFeed(items);
      // fixtureSync: fixture() waits a frame for a plain wrapper, and a background tab gets none.
      fixtureSync(html`<div dir=${dir}><button>Before</button>${el}</div>`);
      await el.updateComplete;
      el.parentElement!.querySelector('button')!.focus();
      return el;
    }

    /** The tab that has focus, after checking it is the selected one and its panel alone shows. */
    function current(el: NewsCategories) {
      const tab = focused(el)!;
      expect(tab.getAttribute('role')).to.equal('tab');
      expect(tab.getAttribute('aria-selected')).to.equal('true');
      for (const other of parts(el, 'tab')) {
        expect(other.tabIndex).to.equal(other === tab ? 0 : -1);
        if (other !== tab) expect(other.getAttribute('aria-selected')).to.equal('false');
      }
      const panels = visiblePanels(el);
      expect(panels).to.have.length(1);
      expect(panels[0]!.id).to.equal(tab.getAttribute('aria-controls'));
      expect(panels[0]!.getAttribute('aria-labelledby')).to.equal(tab.id);
      return text(tab);
    }

    it('renders a named tablist whose panels are labelled by their tabs', async () => {
      const el = await tabs();
      expect(parts(el, 'tablist')[0]!.getAttribute('aria-label')).to.equal('Categories');
      expect(tabNames(el)).to.deep.equal(['Politics', 'Social', 'Economy', 'Culture']);
      expect(parts(el, 'panel')).to.have.length(4);
      expect(titles(visiblePanels(el)[0]!)).to.deep.equal([
        'Headline number 1',
        'Headline number 5',
        'Headline number 9',
      ]);
      expect(parts(el, 'heading')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('is driven by the keyboard alone: Tab in, arrows wrap, Home and End, Tab to the panel', async () => {
      const el = await tabs({ limit: '2' });
      await sendKeys({ press: 'Tab' });
      expect(current(el)).to.equal('Politics');

      await sendKeys({ press: 'ArrowRight' });
      expect(current(el)).to.equal('Social');
      expect(titles(visiblePanels(el)[0]!)).to.deep.equal(['Headline number 2', 'Headline number 6']);

      await sendKeys({ press: 'ArrowLeft' });
      expect(current(el)).to.equal('Politics');
      await sendKeys({ press: 'ArrowLeft' });
      expect(current(el)).to.equal('Culture');
      await sendKeys({ press: 'ArrowRight' });
      expect(current(el)).to.equal('Politics');

      await sendKeys({ press: 'End' });
      expect(current(el)).to.equal('Culture');
      await sendKeys({ press: 'Home' });
      expect(current(el)).to.equal('Politics');

      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Tab' });
      expect(
        focused(el) === visiblePanels(el)[0]!.querySelector('[part~="link"]'),
        'focus on the panel’s first link',
      ).to.equal(true);
      expect(text(focused(el)!)).to.equal('Headline number 2');

      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(current(el)).to.equal('Social');
      await expect(el).to.be.accessible();
    });

    it('mirrors the arrow keys right to left', async () => {
      const el = await tabs({}, 'rtl');
      await sendKeys({ press: 'Tab' });
      expect(current(el)).to.equal('Politics');
      await sendKeys({ press: 'ArrowLeft' });
      expect(current(el)).to.equal('Social');
      await sendKeys({ press: 'ArrowRight' });
      expect(current(el)).to.equal('Politics');
      await sendKeys({ press: 'ArrowRight' });
      expect(current(el)).to.equal('Culture');
    });

    it('selects a tab on click', async () => {
      const el = await tabs();
      parts(el, 'tab')[2]!.click();
      await el.updateComplete;
      expect(parts(el, 'tab')[2]!.getAttribute('aria-selected')).to.equal('true');
      expect(titles(visiblePanels(el)[0]!)[0]).to.equal('Headline number 3');
    });

    it('keeps the selected category when the categories are reordered', async () => {
      const el = await tabs();
      parts(el, 'tab')[1]!.click();
      el.categories = 'Economy,Social,Politics';
      await el.updateComplete;
      expect(text(parts(el, 'tab').find((tab) => tab.getAttribute('aria-selected') === 'true')!)).to.equal('Social');
      el.categories = 'Economy,Politics';
      await el.updateComplete;
      expect(parts(el, 'tab')[0]!.getAttribute('aria-selected')).to.equal('true');
      expect(visiblePanels(el)).to.have.length(1);
    });
  });
});
