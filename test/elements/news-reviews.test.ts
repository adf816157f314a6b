import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/news-reviews.js';
import '../../src/locales/ru.js';
import type { NewsReviews } from '../../src/elements/news-reviews/news-reviews.js';
import { HOSTILE_TEXT, jsonFeed, newsItems, reviewItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { ReviewsHarness } from '../helpers/news-reviews-harness.js';
import { watchPwned } from '../helpers/hostile.js';

type Stub = ReturnType<typeof stubFetch>;

describe('<news-reviews> showing reviews', () => {
  let stub: Stub | undefined;
  afterEach(() => stub?.restore());

  /** Serves `feed` at a fresh URL and renders the element reading it. */
  async function showing(
    feed: object,
    attributes: Partial<Record<'item' | 'limit' | 'locale' | 'label', string>> = {},
  ) {
    const src = uniqueUrl('reviews');
    stub = stubFetch(() => ({ body: feed }));
    const el = await fixture<NewsReviews>(html`<news-reviews
      src=${src}
      item=${attributes.item ?? ''}
      limit=${attributes.limit ?? '0'}
      locale=${attributes.locale ?? 'en'}
      label=${attributes.label ?? ''}
    ></news-reviews>`);
    await oneEvent(el, 'news-load');
    await el.updateComplete;
    return new ReviewsHarness(el);
  }

  it('says it is loading while the feed is on its way, accessibly', async () => {
    stub = stubFetch(() => ({ hang: true }));
    const el = await fixture<NewsReviews>(html`<news-reviews src=${uniqueUrl('reviews')} locale="en"></news-reviews>`);
    const reviews = new ReviewsHarness(el);
    expect(reviews.text).to.contain('Loading reviews…');
    expect(el.shadowRoot!.querySelectorAll('[part="skeleton"]')).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('[aria-busy="true"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows the average with the count, and the reviews newest first, accessibly', async () => {
    const items = reviewItems([5, 4, 4, 3, 5]);
    const reviews = await showing(jsonFeed([items[3]!, items[0]!, items[4]!, items[1]!, items[2]!]));
    expect(reviews.average).to.equal('4.2 out of 5, 5 reviews');
    expect(reviews.reviewStars).to.deep.equal(['5 stars', '4 stars', '4 stars', '3 stars', '5 stars']);
    const [first] = reviews.reviews;
    expect(first!.textContent).to.contain('Review number 1.').and.to.contain('Reader 1');
    expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal(items[0]!.date_published);
    expect(first!.querySelector('[part="text"]')!.getAttribute('dir')).to.equal('auto');
    expect(reviews.form === null, 'no action, no form').to.equal(true);
    await expect(reviews.el).to.be.accessible();
  });

  it('shows the server’s average and count over every page (the feed’s `_reviews`)', async () => {
    const paged = {
      ...jsonFeed(reviewItems([5, 4])),
      next_url: 'https://example.com/reviews.json?after=x',
      _reviews: { average: 3.6, count: 120 },
    };
    const reviews = await showing(paged);
    expect(reviews.average).to.equal('3.6 out of 5, 120 reviews');
    expect(reviews.reviewStars).to.have.length(2);
  });

  it('computes its own average when `_reviews` is about more than the item shown, or malformed', async () => {
    const mixed = {
      ...jsonFeed([...reviewItems([5], 'story-1'), { ...reviewItems([1], 'story-2')[0], id: 'other' }]),
      _reviews: { average: 3, count: 2 },
    };
    expect((await showing(mixed, { item: 'story-1' })).average).to.equal('5.0 out of 5, 1 review');
    const bogus = { ...jsonFeed(reviewItems([4, 2])), _reviews: { average: 'lots', count: -1 } };
    expect((await showing(bogus)).average).to.equal('3.0 out of 5, 2 reviews');
  });

  it('fills the average stars in proportion to the average', async () => {
    const reviews = await showing(jsonFeed(reviewItems([4, 3])));
    const meter = reviews.el.shadowRoot!.querySelector('[part="stars"]')!.getBoundingClientRect();
    const filled = reviews.el.shadowRoot!.querySelector('[part="stars"] > *')!.getBoundingClientRect();
    expect(filled.width / meter.width).to.be.closeTo(3.5 / 5, 0.01);
  });

  it('names itself by its label, else "Reviews"', async () => {
    const reviews = await showing(jsonFeed(reviewItems([4])), { label: 'What readers think' });
    const section = reviews.el.shadowRoot!.querySelector('section')!;
    const heading = reviews.el.shadowRoot!.getElementById(section.getAttribute('aria-labelledby')!)!;
    expect(heading.textContent).to.equal('What readers think');
    reviews.el.label = '';
    await reviews.el.updateComplete;
    expect(heading.textContent).to.equal('Reviews');
  });

  it('says there are no reviews yet when the feed has none, accessibly', async () => {
    const reviews = await showing(jsonFeed(newsItems(3)));
    expect(reviews.reviews).to.have.length(0);
    expect(reviews.text).to.contain('No reviews yet. Be the first.');
    expect(reviews.average).to.equal('');
    await expect(reviews.el).to.be.accessible();
  });

  it('says the reviews could not be loaded, offers Retry, and recovers', async () => {
    const src = uniqueUrl('reviews');
    let fail = true;
    stub = stubFetch(() => (fail ? { status: 500, body: 'oops' } : { body: jsonFeed(reviewItems([4, 2])) }));
    const el = await fixture<NewsReviews>(html`<news-reviews src=${src} locale="en"></news-reviews>`);
    await oneEvent(el, 'news-error');
    await el.updateComplete;
    const reviews = new ReviewsHarness(el);
    expect(reviews.text).to.contain('The reviews could not be loaded.');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await oneEvent(el, 'news-load');
    await el.updateComplete;
    expect(reviews.average).to.equal('3.0 out of 5, 2 reviews');
  });

  it('keeps only the reviews of its item, and those that name no item', async () => {
    const feed = jsonFeed([
      ...reviewItems([5], 'story-1'),
      { ...reviewItems([1], 'story-2')[0], id: 'other' },
      { ...reviewItems([3])[0], id: 'general' },
      ...newsItems(1),
    ]);
    const reviews = await showing(feed, { item: 'story-1' });
    expect(reviews.reviewStars).to.deep.equal(['5 stars', '3 stars']);
    expect(reviews.average).to.equal('4.0 out of 5, 2 reviews');
  });

  it('speaks the page’s language', async () => {
    const reviews = await showing(jsonFeed(reviewItems([5, 4, 4, 3, 5])), { locale: 'ru' });
    expect(reviews.average).to.equal('4,2 из 5, 5 отзывов');
    expect(reviews.reviewStars[0]).to.equal('5 звёзд');
  });

  it('shows `limit` reviews, then more on request, moving focus to the first new one', async () => {
    const reviews = await showing(jsonFeed(reviewItems([5, 4, 3, 2, 1])), { limit: '2' });
    expect(reviews.reviews).to.have.length(2);
    expect(reviews.average).to.equal('3.0 out of 5, 5 reviews');
    const more = () => reviews.el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]');
    more()!.focus();
    await sendKeys({ press: 'Enter' });
    await reviews.el.updateComplete;
    expect(reviews.reviews).to.have.length(4);
    await waitUntil(() => reviews.focused === reviews.reviews[2], 'focus did not move to the third review');
    more()!.click();
    await reviews.el.updateComplete;
    expect(reviews.reviews).to.have.length(5);
    expect(more() === null).to.equal(true);
  });

  it('shows a long review whole, not as an excerpt', async () => {
    const long = `${'Considered words. '.repeat(80)}The end.`;
    const reviews = await showing(jsonFeed([{ ...reviewItems([4])[0], content_text: long }]));
    expect(reviews.reviews[0]!.querySelector('[part="text"]')!.textContent).to.equal(long);
  });

  it('renders hostile review texts, names and titles as inert text', async () => {
    const pwned = watchPwned();
    const hostile = HOSTILE_TEXT.map((text, i) => ({
      ...reviewItems([3])[0],
      id: `hostile-${i}`,
      title: text,
      content_text: text,
      authors: [{ name: text, url: 'javascript:window.__pwned()' }],
    }));
    const reviews = await showing(jsonFeed(hostile));
    await pwned.settle();
    pwned.restore();
    expect(pwned.calls).to.equal(0);
    expect(reviews.el.shadowRoot!.querySelectorAll('img, script, svg, a, iframe')).to.have.length(0);
    for (const text of HOSTILE_TEXT) expect(reviews.text).to.contain(text);
  });

  it('shows only the form, with no error, when there is an action but no src', async () => {
    let errors = 0;
    const count = () => errors++;
    document.addEventListener('news-error', count);
    const el = await fixture<NewsReviews>(html`<news-reviews action=${uniqueUrl('post')} locale="en"></news-reviews>`);
    await el.updateComplete;
    document.removeEventListener('news-error', count);
    const reviews = new ReviewsHarness(el);
    expect(errors).to.equal(0);
    expect(reviews.form === null).to.equal(false);
    expect(reviews.text).not.to.contain('could not be loaded');
    expect(reviews.text).not.to.contain('Loading');
    expect(reviews.text).not.to.contain('No reviews yet');
  });

  it('waits quietly, with no error and no form, when it has neither src nor action', async () => {
    let errors = 0;
    const count = () => errors++;
    document.addEventListener('news-error', count);
    const el = await fixture<NewsReviews>(html`<news-reviews locale="en"></news-reviews>`);
    await el.updateComplete;
    document.removeEventListener('news-error', count);
    const reviews = new ReviewsHarness(el);
    expect(errors).to.equal(0);
    expect(reviews.form === null).to.equal(true);
    expect(reviews.text).not.to.contain('could not be loaded');
    expect(reviews.text).not.to.contain('Loading');
  });
});
