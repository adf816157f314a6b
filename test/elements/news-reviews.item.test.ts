import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/news-reviews.js';
import type { NewsReviews } from '../../src/elements/news-reviews/news-reviews.js';
import { jsonFeed, reviewItems } from '../helpers/feeds.js';
import { uniqueUrl } from '../helpers/fetch-stub.js';
import { ReviewsHarness } from '../helpers/news-reviews-harness.js';
import { reviewServer } from '../helpers/review-server.js';
import { waitUntil } from '../helpers/wait-until.js';

// The article a review is about is the one the form posts to: the `item` attribute, else the
// page's canonical URL. The reviews shown, and their average, are that article's.
describe('<news-reviews> and the article it is about', () => {
  const article = new URL('/news/42', location.href).href;
  let server: ReturnType<typeof reviewServer> | undefined;
  let canonical: HTMLLinkElement | undefined;
  afterEach(() => {
    server?.restore();
    canonical?.remove();
    canonical = undefined;
  });

  /** A site-wide feed: two reviews of the article (one with its address spelled otherwise), one of another, one naming none. */
  function siteFeed() {
    const [a, b, other, none] = reviewItems([5, 4, 1, 3]);
    const shouting = article.replace(/^http/, 'HTTP').replace(location.host, location.host.toUpperCase());
    return {
      ...jsonFeed([
        { ...a, _review: { rating: 5, item: article } },
        { ...b, _review: { rating: 4, item: shouting } },
        { ...other, _review: { rating: 1, item: new URL('/news/7', location.href).href } },
        none,
      ]),
      // The site's totals, over articles this page is not about.
      _reviews: { average: 3.3, count: 4 },
    };
  }

  /** The element reading `siteFeed` from a fake site, with a rating and text ready to send. */
  async function render(template: (src: string, action: string) => ReturnType<typeof html>) {
    server = reviewServer({ feed: siteFeed() });
    const el = await fixture<NewsReviews>(template(uniqueUrl('reviews'), uniqueUrl('post')));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="average"]'), 'the reviews did not load');
    const reviews = new ReviewsHarness(el);
    await reviews.rate(4);
    await reviews.write('Worth reading.');
    return reviews;
  }

  /** Sends the review and answers the `item` it was sent with. */
  async function sentItem(reviews: ReviewsHarness): Promise<unknown> {
    const submitted = oneEvent(reviews.el, 'news-review-submit');
    await reviews.submit();
    const event = await submitted;
    return event.detail.item;
  }

  it("without `item`, shows the reviews of the page's canonical URL, the item it posts to, and their average", async () => {
    canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: '/news/42' });
    document.head.append(canonical);
    const reviews = await render(
      (src, action) => html`<news-reviews src=${src} action=${action} locale="en"></news-reviews>`,
    );
    expect(reviews.reviewStars).to.deep.equal(['5 stars', '4 stars', '3 stars']);
    expect(reviews.average).to.equal('4.0 out of 5, 3 reviews');
    expect(await sentItem(reviews)).to.equal(article);
    await expect(reviews.el).to.be.accessible();
  });

  it('without `item` or a canonical link, uses the address of the page for both', async () => {
    const reviews = await render(
      (src, action) => html`<news-reviews src=${src} action=${action} locale="en"></news-reviews>`,
    );
    // This test page is about no article of the feed: only the review that names none is shown.
    expect(reviews.reviewStars).to.deep.equal(['3 stars']);
    expect(reviews.average).to.equal('3.0 out of 5, 1 review');
    expect(await sentItem(reviews)).to.equal(location.href.split('#')[0]);
  });

  it('with `item`, shows and posts that article, in whichever spelling its address is given', async () => {
    const spelled = article.replace(location.host, location.host.toUpperCase());
    const reviews = await render(
      (src, action) => html`<news-reviews src=${src} action=${action} item=${spelled} locale="en"></news-reviews>`,
    );
    expect(reviews.reviewStars).to.deep.equal(['5 stars', '4 stars', '3 stars']);
    expect(reviews.average).to.equal('4.0 out of 5, 3 reviews');
    expect(await sentItem(reviews)).to.equal(spelled);
  });
});
