import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';

const WIDGETS = 'news-ticker, news-cards, news-categories, news-reviews';

/**
 * Opens the demo site in a frame, as a visitor would, once its widgets are defined. It waits for
 * the frame's load event (its module scripts have run by then), never for a time: a busy machine
 * takes longer, not wrongly.
 */
async function openDemo(query = ''): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '1200px';
  frame.style.blockSize = '800px';
  frame.src = `/demo/index.html${query}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  await frame.contentWindow!.customElements.whenDefined('news-reviews');
  return frame.contentDocument!;
}

const languageNames: Record<string, string> = { ru: 'Russian', az: 'Azerbaijani' };

const cardsIn = (element: Element) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="card"]')];
const tagsOf = (cards: HTMLElement[]) =>
  cards.flatMap((card) => [...card.querySelectorAll('[part="tag"]')].map((tag) => tag.textContent));

/** The cards of a `<news-cards>` on the demo page, once its feed has arrived. */
async function cardsOf(element: Element): Promise<HTMLElement[]> {
  await waitUntil(() => cardsIn(element).length > 0, 'no cards');
  return cardsIn(element);
}

describe('the demo site', () => {
  // The first load of the demo has every module transformed by the dev server and compiled by a
  // fresh browser: done once here, so no single test pays for it (WebKit took over 10 s under load).
  before(async function () {
    this.timeout(60_000);
    await openDemo('');
    document.querySelector('iframe')!.remove();
  });

  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    localStorage.clear();
  });

  it('switches every widget and its own words to the chosen language, and remembers it', async () => {
    const page = await openDemo();
    const select = page.querySelector<HTMLSelectElement>('#language')!;
    select.value = 'az';
    select.dispatchEvent(new Event('change'));

    expect(page.documentElement.lang).to.equal('az');
    expect(page.querySelector('.skip-link')!.textContent).to.equal('Əsas məzmuna keç');
    expect(page.querySelector('news-ticker')!.getAttribute('badge')).to.equal('Son xəbərlər');
    for (const widget of page.querySelectorAll(WIDGETS))
      expect(widget.getAttribute('locale'), widget.localName).to.equal('az');

    document.querySelector('iframe')!.remove();
    const again = await openDemo();
    expect(again.documentElement.lang).to.equal('az');
    expect(again.querySelector<HTMLSelectElement>('#language')!.value).to.equal('az');
  });

  it('starts in the language the address asks for', async () => {
    const page = await openDemo('?lang=ru');
    expect(page.documentElement.lang).to.equal('ru');
    expect(page.querySelector('#top-stories-title')!.textContent).to.equal('Главное');
    expect(page.querySelector('news-cards')!.getAttribute('label')).to.equal('Главное');
  });

  it('with English chosen, labels each article in another language and names tags in English', async () => {
    const page = await openDemo('?lang=en');
    const cards = await cardsOf(page.querySelector('#top-cards')!);
    const seen = cards.map((card) => [
      card.getAttribute('lang'),
      card.querySelector('[part="language"]')?.textContent ?? null,
    ]);
    // The sample feed mixes three languages: the first stories are in Russian, then English.
    expect(seen).to.deep.include.members([
      ['ru', 'Russian'],
      ['en', null],
    ]);
    for (const [lang, label] of seen)
      expect(label, `a card in ${lang}`).to.equal(lang === 'en' ? null : languageNames[lang!]);
    expect(tagsOf(cards)).to.include('Weather');
  });

  it('with English chosen, labels every article in another language, wherever the page shows it', async () => {
    const page = await openDemo('?lang=en');
    // Each widget's articles, with the language each is marked as (ticker and cards on the item, category lists on the title).
    const articles: Record<string, string> = {
      'news-ticker': '.list:not(.copy) [part="item"]',
      'news-cards': '[part="card"]',
      'news-categories': '[part="item"]',
    };
    const widgets = [...page.querySelectorAll('news-ticker, news-cards, news-categories')];
    expect(widgets).to.have.length(5);
    for (const widget of widgets) {
      const name = `${widget.localName} ${widget.getAttribute('label')}`;
      const items = () => [...widget.shadowRoot!.querySelectorAll<HTMLElement>(articles[widget.localName]!)];
      await waitUntil(() => items().length > 0, `${name} showed nothing`);
      const seen = items().map((item) => [
        item.getAttribute('lang') ?? item.querySelector('[part~="title"]')!.getAttribute('lang'),
        item.querySelector('[part="language"]')?.textContent ?? null,
      ]);
      expect(
        seen.some(([lang]) => lang !== 'en'),
        `${name} shows articles in one language only: nothing to check`,
      ).to.equal(true);
      for (const [lang, label] of seen)
        expect(label, `${name}: an article in ${lang}`).to.equal(lang === 'en' ? null : languageNames[lang!]);
    }
  });

  it('names tags, categories and languages in the language chosen', async () => {
    const page = await openDemo('?lang=ru');
    const cards = await cardsOf(page.querySelector('#top-cards')!);
    expect(tagsOf(cards)).to.include.members(['Погода', 'Общество']);
    expect(tagsOf(cards)).not.to.include('Weather');
    const english = cards.find((card) => card.getAttribute('lang') === 'en')!;
    expect(english.querySelector('[part="language"]')!.textContent).to.equal('Английский');
    const select = page.querySelector<HTMLSelectElement>('#language')!;
    select.value = 'az';
    select.dispatchEvent(new Event('change'));
    await waitUntil(
      () => tagsOf(cardsIn(page.querySelector('#top-cards')!)).includes('Hava'),
      'tags did not follow the language',
    );
    const social = page.querySelector('news-categories[categories="Social"]')!;
    await waitUntil(
      () => social.shadowRoot!.querySelector('[part="heading"]')?.textContent?.trim() === 'Sosial',
      'the category heading did not follow',
    );
  });

  it('switches between light and dark', async () => {
    const page = await openDemo();
    const select = page.querySelector<HTMLSelectElement>('#theme')!;
    select.value = 'dark';
    select.dispatchEvent(new Event('change'));
    expect(getComputedStyle(page.documentElement).colorScheme).to.equal('dark');
    select.value = 'light';
    select.dispatchEvent(new Event('change'));
    expect(getComputedStyle(page.documentElement).colorScheme).to.equal('light');
  });

  it('filters the top stories by category', async () => {
    const page = await openDemo();
    const economy = page.querySelector<HTMLButtonElement>('.filters [data-category="Economy"]')!;
    economy.click();
    expect(page.querySelector('#top-cards')!.getAttribute('category')).to.equal('Economy');
    expect(economy.getAttribute('aria-pressed')).to.equal('true');
    expect(page.querySelectorAll('.filters [aria-pressed="true"]')).to.have.length(1);

    page.querySelector<HTMLButtonElement>('.filters [data-category=""]')!.click();
    expect(page.querySelector('#top-cards')!.getAttribute('category')).to.equal('');
  });

  it('passes ?faults=1 on to the review endpoint and says so', async () => {
    const page = await openDemo('?faults=1');
    const reviews = page.querySelector('news-reviews')!;
    expect(reviews.getAttribute('action')).to.equal('/api/reviews?faults=1');
    expect(reviews.getAttribute('src')).to.equal('/api/reviews.json?faults=1');
    expect(page.querySelector<HTMLElement>('#faults-banner')!.hidden).to.equal(false);
  });

  it('uses the plain endpoint otherwise', async () => {
    const page = await openDemo();
    const reviews = page.querySelector('news-reviews')!;
    expect(reviews.getAttribute('action')).to.equal('/api/reviews');
    expect(page.querySelector<HTMLElement>('#faults-banner')!.hidden).to.equal(true);
  });

  it('titles the review box once: the page has its own heading, so the element draws none', async () => {
    const page = await openDemo();
    const reviews = page.querySelector('news-reviews')!;
    await (reviews as Element & { updateComplete: Promise<unknown> }).updateComplete;
    expect(page.querySelector('#reviews-title')!.textContent).to.equal('Reader reviews');
    expect(reviews.shadowRoot!.querySelector('[part~="header"]')).to.equal(null);
  });

  it('offers a skip link first, which takes the keyboard to the main content', async () => {
    const page = await openDemo();
    page.defaultView!.focus();
    await sendKeys({ press: 'Tab' });
    expect(page.activeElement?.className).to.equal('skip-link');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => page.activeElement?.id === 'main', 'focus did not move to main');
  });
});
