import { expect, fixture, html } from '@open-wc/testing';
import { parseFeed } from '../../src/core/parse-feed.js';
import '../../src/define/news-card.js';
import '../../src/define/news-cards.js';
import '../../src/define/news-categories.js';
import '../../src/define/news-ticker.js';
import type { NewsCard } from '../../src/define/news-card.js';
import type { NewsCards } from '../../src/define/news-cards.js';
import type { NewsCategories } from '../../src/define/news-categories.js';
import type { NewsTicker } from '../../src/define/news-ticker.js';
import '../../src/locales/az.js';
import '../../src/locales/ru.js';
import { jsonFeed } from '../helpers/feeds.js';
import { waitUntil } from '../helpers/wait-until.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

const cards = (el: Widget) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="card"]')];
const label = (card: HTMLElement) => card.querySelector<HTMLElement>('[part="language"]');
const tags = (card: HTMLElement) => [...card.querySelectorAll<HTMLElement>('[part="tag"]')];

/** One item in each of three languages, and one that leaves it to the feed. */
const mixed = (extra: Record<string, unknown> = {}) =>
  jsonFeed(
    [
      {
        id: 'ru',
        title: 'Погода в Баку',
        language: 'ru',
        tags: ['Weather'],
        date_published: '2024-01-23T19:05:00+04:00',
      },
      { id: 'en', title: 'Manat rate unchanged', language: 'en-GB', tags: ['Economy', 'Markets'] },
      { id: 'az', title: 'Bakıda yağış gözlənilir', language: 'az', tags: ['Weather'] },
      { id: 'feed', title: 'Headline in the feed’s language', tags: ['Politics'] },
    ],
    {
      language: 'en',
      _tag_names: {
        ru: { Weather: 'Погода', Economy: 'Экономика', Politics: 'Политика' },
        az: { Weather: 'Hava', Economy: 'İqtisadiyyat', Politics: 'Siyasət' },
      },
      ...extra,
    },
  );

async function shown(el: Widget, count = 4) {
  await waitUntil(() => cards(el).length === count, `expected ${count} cards, saw ${cards(el).length}`);
  return cards(el);
}

describe('languages', () => {
  describe('show-language', () => {
    it("labels each article whose language is not the element's, in the element's language", async () => {
      const el = await fixture<NewsCards>(html`<news-cards .feed=${mixed()} locale="en" show-language></news-cards>`);
      const [ru, en, az, feed] = await shown(el);
      expect(label(ru!)!.textContent).to.equal('Russian');
      expect(label(az!)!.textContent).to.equal('Azerbaijani');
      // en-GB is English, and an item without a language is in the feed's.
      expect(label(en!)).to.equal(null);
      expect(label(feed!)).to.equal(null);
      // The article's text is marked as its own language; the label and the date as the element's.
      expect(ru!.getAttribute('lang')).to.equal('ru');
      expect(feed!.getAttribute('lang')).to.equal('en');
      expect(label(ru!)!.getAttribute('lang')).to.equal('en');
      expect(ru!.querySelector('[part="time"]')!.getAttribute('lang')).to.equal('en');
      await expect(el).to.be.accessible();
    });

    it('follows the chosen language, including one whose names the engine may lack', async () => {
      const el = await fixture<NewsCards>(html`<news-cards .feed=${mixed()} locale="ru" show-language></news-cards>`);
      let [ru, en, az, feed] = await shown(el);
      expect([ru, en, az, feed].map((card) => label(card!)?.textContent ?? null)).to.deep.equal([
        null,
        'Британский английский',
        'Азербайджанский',
        'Английский',
      ]);
      el.locale = 'az';
      await el.updateComplete;
      [ru, en, az, feed] = cards(el);
      // Debian's Chromium has no Azerbaijani names but its own; Firefox has them all.
      expect([ru, az, feed].map((card) => label(card!)?.textContent ?? null)).to.deep.equal(['Rus', null, 'İngilis']);
      expect(label(en!)!.textContent).to.match(/ngilis/);
      expect(label(ru!)!.getAttribute('lang')).to.equal('az');
    });

    it('takes the language of items that give none from the feed', async () => {
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${mixed({ language: 'ru' })} locale="en" show-language></news-cards>`,
      );
      const feed = (await shown(el))[3]!;
      expect(feed.getAttribute('lang')).to.equal('ru');
      expect(label(feed)!.textContent).to.equal('Russian');
    });

    it('labels nothing without the attribute', async () => {
      const el = await fixture<NewsCards>(html`<news-cards .feed=${mixed()} locale="en"></news-cards>`);
      const list = await shown(el);
      expect(list.filter(label)).to.have.length(0);
      // The language is still marked for screen readers.
      expect(list[0]!.getAttribute('lang')).to.equal('ru');
    });

    it('labels a single <news-card> the same way, with a meta line for the label alone', async () => {
      const item = parseFeed(mixed()).items[2]!;
      const el = await fixture<NewsCard>(html`<news-card .item=${item} locale="ru" show-language no-date></news-card>`);
      const card = cards(el)[0]!;
      expect(card.querySelector('[part="meta"]')!.textContent!.trim()).to.equal('Азербайджанский');
      expect(el.getAttribute('show-language')).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('labels the headlines of <news-ticker> the same way, after each headline', async () => {
      const el = await fixture<NewsTicker>(
        html`<news-ticker .feed=${mixed()} locale="en" show-language></news-ticker>`,
      );
      const items = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.list:not(.copy) [part="item"]')];
      await waitUntil(() => items().length === 4, 'no headlines');
      expect(items().map((item) => label(item)?.textContent ?? null)).to.deep.equal([
        'Russian',
        null,
        'Azerbaijani',
        null,
      ]);
      const ru = items()[0]!;
      expect(label(ru)!.previousElementSibling!.getAttribute('part')).to.contain('title');
      expect([ru.getAttribute('lang'), label(ru)!.getAttribute('lang')]).to.deep.equal(['ru', 'en']);
      await expect(el).to.be.accessible();

      el.showLanguage = false;
      await el.updateComplete;
      expect(items().filter(label)).to.have.length(0);
    });

    it('labels the headlines of <news-categories> after their dates, in the language chosen', async () => {
      const el = await fixture<NewsCategories>(
        html`<news-categories
          .feed=${mixed()}
          locale="ru"
          categories="Weather,Economy,Politics"
          show-language
        ></news-categories>`,
      );
      const items = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
      await waitUntil(() => items().length === 4, 'no headlines');
      // Weather (the dated Russian item first), Economy, then Politics in the feed's language.
      expect(items().map((item) => label(item)?.textContent ?? null)).to.deep.equal([
        null,
        'Азербайджанский',
        'Британский английский',
        'Английский',
      ]);
      el.locale = 'en';
      await el.updateComplete;
      const ru = items()[0]!;
      expect(label(ru)!.textContent).to.equal('Russian');
      expect(label(ru)!.getAttribute('lang')).to.equal('en');
      // On the date's line, not a line of its own.
      const time = ru.querySelector('[part="time"]')!;
      expect(label(ru)!.previousElementSibling).to.equal(time);
      expect(label(ru)!.getBoundingClientRect().top).to.be.closeTo(time.getBoundingClientRect().top, 1);
      await expect(el).to.be.accessible();

      el.showLanguage = false;
      await el.updateComplete;
      expect(items().filter(label)).to.have.length(0);
    });

    it('ignores a language a page wrote that is not a language', async () => {
      const item = { ...parseFeed(mixed()).items[0]!, language: 'not a language!' };
      const el = await fixture<NewsCard>(html`<news-card .item=${item} locale="en" show-language></news-card>`);
      expect(label(cards(el)[0]!)).to.equal(null);
    });
  });

  describe('_tag_names', () => {
    it("shows tags in the element's language where the feed names them, marked as that language", async () => {
      const el = await fixture<NewsCards>(html`<news-cards .feed=${mixed()} locale="ru"></news-cards>`);
      const [, en] = await shown(el);
      expect(tags(en!).map((tag) => tag.textContent)).to.deep.equal(['Экономика', 'Markets']);
      expect(tags(en!).map((tag) => tag.getAttribute('lang'))).to.deep.equal(['ru', null]);
      el.locale = 'az-AZ';
      await el.updateComplete;
      expect(tags(cards(el)[1]!).map((tag) => tag.textContent)).to.deep.equal(['İqtisadiyyat', 'Markets']);
      el.locale = 'en';
      await el.updateComplete;
      expect(tags(cards(el)[1]!).map((tag) => tag.textContent)).to.deep.equal(['Economy', 'Markets']);
    });

    it('still filters by the tag as the feed spells it', async () => {
      const el = await fixture<NewsCards>(
        html`<news-cards .feed=${mixed()} locale="ru" category="weather"></news-cards>`,
      );
      const list = await shown(el, 2);
      expect(list.map((card) => tags(card)[0]!.textContent)).to.deep.equal(['Погода', 'Погода']);
    });

    it('shows a hostile name as text', async () => {
      const feed = mixed({ _tag_names: { en: { Weather: '<img src=x onerror="window.pwned=1">' } } });
      const el = await fixture<NewsCards>(html`<news-cards .feed=${feed} locale="en"></news-cards>`);
      const [ru] = await shown(el);
      expect(tags(ru!)[0]!.textContent).to.equal('<img src=x onerror="window.pwned=1">');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('names the categories of <news-categories> too', async () => {
      const el = await fixture<NewsCategories>(
        html`<news-categories .feed=${mixed()} locale="ru" categories="Politics,Markets,Weather"></news-categories>`,
      );
      const headings = () =>
        [...el.shadowRoot!.querySelectorAll('[part="heading"]')].map((heading) => heading.textContent!.trim());
      await waitUntil(() => headings().length === 3, 'no category headings');
      expect(headings()).to.deep.equal(['Политика', 'Markets', 'Погода']);
    });
  });
});
