import { expect, fixture, html } from '@open-wc/testing';
import { parseFeed } from '../../src/core/parse-feed.js';
import '../../src/define/news-card.js';
import type { NewsCard } from '../../src/define/news-card.js';
import '../../src/locales/ru.js';
import { jsonFeed } from '../helpers/feeds.js';

/** An old item (an absolute date, long in Russian) by two authors, in a card too narrow for one meta line. */
async function narrowRussianCard() {
  const feed = parseFeed(
    jsonFeed([
      {
        id: 'a',
        url: 'https://news.example/a',
        title: 'Заголовок',
        date_published: '2023-09-23T10:00:00Z',
        authors: [{ name: 'Анастасия Константинопольская' }, { name: 'Вениамин Преображенский' }],
      },
    ]),
  );
  return fixture<NewsCard>(html`<news-card .item=${feed.items[0]} locale="ru" style="inline-size: 12rem"></news-card>`);
}

describe('card meta separator', () => {
  it('never starts a line: it ends the item before it, bound to it', async () => {
    const el = await narrowRussianCard();
    const meta = el.shadowRoot!.querySelector<HTMLElement>('[part="meta"]')!;
    const items = [...meta.children] as HTMLElement[];
    expect(items.map((item) => item.localName)).to.deep.equal(['time', 'span']);
    expect(items[0]!.textContent).to.contain('сент');
    // The meta wraps here: the authors start a line of their own.
    const tops = items.map((item) => item.getBoundingClientRect().top);
    expect(tops[1]).to.be.greaterThan(tops[0]!);
    items.forEach((item, i) => {
      const startsLine = i === 0 || tops[i]! > tops[i - 1]!;
      const before = getComputedStyle(item, '::before').content;
      if (startsLine) expect(before, `item ${i} starts a line`).to.be.oneOf(['none', 'normal']);
      const after = getComputedStyle(item, '::after');
      if (i < items.length - 1) {
        expect(after.content, `item ${i}`).to.contain('·');
        expect(after.whiteSpace, `item ${i}`).to.equal('nowrap');
      } else {
        expect(after.content, 'the last item').to.be.oneOf(['none', 'normal']);
      }
    });
    // And the dot sits on the line of the item it follows: the date's box ends after its text.
    const range = document.createRange();
    range.selectNodeContents(items[0]!);
    const text = range.getBoundingClientRect();
    const box = items[0]!.getBoundingClientRect();
    expect(box.right - text.right, 'room for the separator after the date').to.be.greaterThan(0);
    expect(box.bottom - box.top, 'one line').to.be.below(text.height * 1.5);
  });
});
