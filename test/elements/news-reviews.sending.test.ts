import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/news-reviews.js';
import type { NewsReviews } from '../../src/elements/news-reviews/news-reviews.js';
import { HOSTILE_TEXT, jsonFeed, reviewItems } from '../helpers/feeds.js';
import { uniqueUrl } from '../helpers/fetch-stub.js';
import { ReviewsHarness } from '../helpers/news-reviews-harness.js';
import { reviewServer, type ReviewServerOptions } from '../helpers/review-server.js';
import { realTask } from '../helpers/tasks.js';
import { watchPwned } from '../helpers/hostile.js';

describe('<news-reviews> sending', () => {
  let server: ReturnType<typeof reviewServer> | undefined;
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    server?.restore();
  });

  /** A site answering as `options` say, and a form with a rating and text ready to send. */
  async function ready(options: ReviewServerOptions = {}, action = uniqueUrl('post'), src = '') {
    server = reviewServer(options);
    const el = await fixture<NewsReviews>(
      html`<news-reviews action=${action} src=${src} item="story-1" locale="en"></news-reviews>`,
    );
    const reviews = new ReviewsHarness(el);
    await reviews.rate(4);
    await reviews.write('Worth reading twice.');
    return reviews;
  }

  /**
   * Under fake timers: moves the clock 100 ms at a time, letting the browser read each response in
   * between, until `done`. Small steps keep the 15 s request timeout far away; not smaller, as each
   * step costs real tasks, and WebKit spent over 10 s of real time on 10 ms steps through the retries.
   */
  async function tickUntil(done: () => boolean, message: string) {
    for (let i = 0; i < 500 && !done(); i++) {
      await clock!.tickAsync(100);
      await realTask();
    }
    expect(done(), message).to.equal(true);
  }

  /**
   * Sends with the request's 15 s deadline set on a clock that never moves: the test holds the
   * answer back for as long as its checks take, which on a busy machine can be longer.
   */
  async function submitHeld(reviews: ReviewsHarness) {
    const frozen = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await reviews.submit();
    } finally {
      frozen.restore();
    }
  }

  const sent = (reviews: ReviewsHarness) =>
    waitUntil(() => reviews.status === 'Thank you! Your review was sent.', 'no thank-you');

  it('shows it is sending: busy, the button inert to a second click or Enter, accessibly', async () => {
    let release!: () => void;
    const reviews = await ready({
      answer: () => new Promise((resolve) => (release = () => resolve(undefined))),
    });
    await submitHeld(reviews);
    expect(server!.posts).to.have.length(1);
    expect(reviews.status).to.equal('Sending…');
    expect(reviews.form!.getAttribute('aria-busy')).to.equal('true');
    expect(reviews.submitButton.getAttribute('aria-disabled')).to.equal('true');
    await expect(reviews.el).to.be.accessible();

    // A send starts in the click's own task (news-review-submit, then fetch), so each try is over
    // when it returns; the key's is over once its keyup has arrived.
    let submits = 0;
    reviews.el.addEventListener('news-review-submit', () => submits++);
    await reviews.submit();
    reviews.submitButton.focus();
    const keyup = oneEvent(reviews.submitButton, 'keyup');
    await sendKeys({ press: 'Enter' });
    await keyup;
    reviews.textarea.focus();
    reviews.form!.requestSubmit();
    expect(submits, 'a second send began').to.equal(0);
    expect(server!.posts).to.have.length(1);

    release();
    await sent(reviews);
    expect(server!.posts).to.have.length(1);
    expect(reviews.form!.getAttribute('aria-busy')).to.equal('false');
    expect(reviews.submitButton.hasAttribute('aria-disabled')).to.equal(false);
  });

  it('retries after two 500s and ends with exactly one stored review', async () => {
    const reviews = await ready({
      answer: (n) => (n <= 2 ? { status: 500, body: { error: 'Database busy' }, stored: true } : undefined),
    });
    let errors = 0;
    reviews.el.addEventListener('news-review-error', () => errors++);
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await reviews.submit();
    await tickUntil(
      () => reviews.status === 'Could not send yet. Trying again…',
      'the reader was not told of the retry',
    );
    expect(server!.posts).to.have.length(1);
    await tickUntil(() => reviews.status === 'Thank you! Your review was sent.', 'no thank-you');
    expect(server!.posts).to.have.length(3);
    expect(new Set(server!.posts.map((post) => post.review.id)).size, 'one id through every retry').to.equal(1);
    expect(server!.stored.size).to.equal(1);
    expect(errors).to.equal(0);
  });

  it('offers Retry when the retries run out, keeps the text, and sends the same review again', async () => {
    let down = true;
    const reviews = await ready({ answer: () => (down ? { status: 503 } : undefined) });
    const failed = oneEvent(reviews.el, 'news-review-error');
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await reviews.submit();
    await tickUntil(() => reviews.status.startsWith('Your review could not be sent'), 'did not give up');
    clock.restore();
    const { detail } = await failed;
    expect(detail.error.code).to.equal('unavailable');
    expect(server!.posts).to.have.length(4);
    expect(reviews.status).to.equal('Your review could not be sent. Your text is kept.');
    expect(reviews.submitButton.textContent!.trim()).to.equal('Retry');
    expect(reviews.textarea.value).to.equal('Worth reading twice.');
    expect(reviews.rating).to.equal(4);
    await expect(reviews.el).to.be.accessible();

    down = false;
    await reviews.submit();
    await sent(reviews);
    expect(server!.posts).to.have.length(5);
    expect(new Set(server!.posts.map((post) => post.review.id)).size).to.equal(1);
  });

  it('stops sending when removed: no more requests or events, and the draft stays for next time', async () => {
    const action = uniqueUrl('post');
    const reviews = await ready({ answer: () => ({ status: 503 }) }, action);
    const events: string[] = [];
    for (const type of ['news-review-error', 'news-review-sent'])
      reviews.el.addEventListener(type, () => events.push(type));
    // The element clears a timer set before the clock was faked (the typing pause) when removed.
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    await reviews.submit();
    await tickUntil(
      () => reviews.status === 'Could not send yet. Trying again…',
      'the reader was not told of the retry',
    );
    expect(server!.posts).to.have.length(1);
    reviews.el.remove();
    await clock.tickAsync(60_000);
    await realTask();
    expect(server!.posts).to.have.length(1);
    expect(events).to.deep.equal([]);
    clock.restore();
    clock = undefined;

    const again = new ReviewsHarness(
      await fixture<NewsReviews>(html`<news-reviews action=${action} item="story-1" locale="en"></news-reviews>`),
    );
    expect(again.textarea.value).to.equal('Worth reading twice.');
    expect(again.rating).to.equal(4);
    expect(again.form!.getAttribute('aria-busy')).to.equal('false');
  });

  it('counts 409 as sent', async () => {
    const reviews = await ready({ answer: () => ({ status: 409, body: { error: 'Already stored' } }) });
    const event = oneEvent(reviews.el, 'news-review-sent');
    await reviews.submit();
    const { detail } = await event;
    expect(detail.response.status).to.equal(409);
    await sent(reviews);
    expect(server!.posts).to.have.length(1);
    expect(reviews.textarea.value).to.equal('');
  });

  it('shows the server’s message for a 400, sends once, and keeps the draft', async () => {
    const action = uniqueUrl('post');
    const reviews = await ready(
      { answer: () => ({ status: 400, body: { error: 'Links are not allowed in reviews.' } }) },
      action,
    );
    const event = oneEvent(reviews.el, 'news-review-error');
    await reviews.submit();
    const { detail } = await event;
    expect(detail.error.code).to.equal('rejected');
    await reviews.el.updateComplete;
    expect(reviews.status).to.equal(
      'Links are not allowed in reviews. Your review could not be sent. Your text is kept.',
    );
    expect(reviews.submitButton.textContent!.trim(), 'resending unchanged would fail again').to.equal('Send review');
    expect(server!.posts).to.have.length(1);
    expect(reviews.textarea.value).to.equal('Worth reading twice.');
    await expect(reviews.el).to.be.accessible();

    reviews.el.remove();
    const again = new ReviewsHarness(
      await fixture<NewsReviews>(html`<news-reviews action=${action} item="story-1"></news-reviews>`),
    );
    expect(again.textarea.value).to.equal('Worth reading twice.');
    expect(again.rating).to.equal(4);
  });

  it('says only that it failed when a 4xx is not JSON', async () => {
    const reviews = await ready({
      answer: () => ({ status: 403, headers: { 'content-type': 'text/html' }, body: '<h1>Forbidden</h1>' }),
    });
    await reviews.submit();
    await waitUntil(() => reviews.status !== 'Sending…');
    expect(reviews.status).to.equal('Your review could not be sent. Your text is kept.');
  });

  it('sends nothing when the honeypot is filled, and thanks as usual', async () => {
    const reviews = await ready();
    let submits = 0;
    reviews.el.addEventListener('news-review-submit', () => submits++);
    await reviews.fillTrap('https://spam.example');
    await reviews.submit();
    // The trap is checked before anything is sent, and a send would reach the server before the thanks.
    await sent(reviews);
    expect(server!.posts).to.have.length(0);
    expect(submits).to.equal(0);
  });

  it('lets the page veto a review, or add to it, in news-review-submit', async () => {
    const reviews = await ready();
    const veto = (event: Event) => event.preventDefault();
    reviews.el.addEventListener('news-review-submit', veto);
    const vetoed = oneEvent(reviews.el, 'news-review-submit');
    await reviews.submit();
    // The send would start in the same task as the event: by now it would be on its way.
    expect((await vetoed).defaultPrevented).to.equal(true);
    expect(server!.posts).to.have.length(0);
    expect(reviews.status).to.equal('');
    expect(reviews.textarea.value).to.equal('Worth reading twice.');

    reviews.el.removeEventListener('news-review-submit', veto);
    document.addEventListener('news-review-submit', (event) => Object.assign(event.detail, { source: 'front page' }), {
      once: true,
    });
    await reviews.submit();
    await sent(reviews);
    expect(server!.posts[0]!.review.source).to.equal('front page');
  });

  it('sends the page’s headers and credentials', async () => {
    const reviews = await ready();
    reviews.el.headers = { 'X-CSRF-Token': 'token-123' };
    reviews.el.credentials = 'include';
    await reviews.submit();
    await sent(reviews);
    const { init } = server!.posts[0]!;
    expect(new Headers(init.headers).get('x-csrf-token')).to.equal('token-123');
    expect(init.credentials).to.equal('include');
  });

  it('shows the new review as awaiting moderation, or as published, as the server says', async () => {
    const pending = await ready();
    const event = oneEvent(pending.el, 'news-review-sent');
    await pending.submit();
    const { detail } = await event;
    expect(detail.payload).to.include({ rating: 4, text: 'Worth reading twice.', item: 'story-1' });
    expect(detail.response.published).to.equal(false);
    await pending.el.updateComplete;
    expect(pending.reviews).to.have.length(1);
    expect(pending.reviewStars).to.deep.equal(['4 stars']);
    expect(pending.reviews[0]!.textContent).to.contain('Worth reading twice.').and.to.contain('Awaiting moderation');
    server!.restore();

    const published = await ready({ answer: () => ({ status: 201, body: { status: 'published' } }) });
    await published.submit();
    await sent(published);
    expect(published.reviews[0]!.textContent)
      .to.contain('Worth reading twice.')
      .and.not.to.contain('Awaiting moderation');
  });

  it('puts the new review above the feed’s, until the feed carries it', async () => {
    const src = uniqueUrl('reviews');
    const reviews = await ready({ feed: jsonFeed(reviewItems([5, 3])) }, uniqueUrl('post'), src);
    await waitUntil(() => reviews.average !== '');
    await reviews.submit();
    await sent(reviews);
    expect(reviews.reviewStars).to.deep.equal(['4 stars', '5 stars', '3 stars']);
    expect(reviews.average, 'the average is the feed’s').to.equal('4.0 out of 5, 2 reviews');
    await expect(reviews.el).to.be.accessible();
  });

  it('keeps words typed while a review was on its way, as a new draft', async () => {
    let release!: () => void;
    const reviews = await ready({
      answer: (n) => (n === 1 ? new Promise((resolve) => (release = () => resolve(undefined))) : undefined),
    });
    await submitHeld(reviews);
    expect(server!.posts).to.have.length(1);
    await reviews.write(' And one more thing.');
    release();
    await sent(reviews);
    expect(reviews.textarea.value).to.equal('Worth reading twice. And one more thing.');
    await reviews.submit();
    await waitUntil(() => server!.posts.length === 2);
    expect(server!.posts[1]!.review.id).not.to.equal(server!.posts[0]!.review.id);
  });

  it('renders hostile text from the server’s answer as inert text', async () => {
    const pwned = watchPwned();
    const [evil] = HOSTILE_TEXT;
    const accepted = await ready({
      answer: () => ({ status: 201, body: { status: 'published', text: evil, name: HOSTILE_TEXT[2] } }),
    });
    await accepted.submit();
    await sent(accepted);
    expect(accepted.reviews[0]!.textContent).to.contain(evil!).and.to.contain(HOSTILE_TEXT[2]!);
    server!.restore();

    const refused = await ready({ answer: () => ({ status: 400, body: { error: HOSTILE_TEXT[1] } }) });
    await refused.submit();
    await waitUntil(() => refused.status.includes('could not be sent'));
    expect(refused.status).to.contain(HOSTILE_TEXT[1]!);
    await pwned.settle();
    pwned.restore();
    expect(pwned.calls).to.equal(0);
    for (const el of [accepted.el, refused.el]) {
      expect(el.shadowRoot!.querySelectorAll('img, script, svg, a, iframe')).to.have.length(0);
    }
  });
});
