import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ReviewError, sendReview } from '../../src/core/review-sender.js';
import type { ReviewPayload } from '../../src/core/review-schema.js';
import { uniqueUrl } from '../helpers/fetch-stub.js';
import { reviewServer } from '../helpers/review-server.js';
import { realTask } from '../helpers/tasks.js';

const payload = (): ReviewPayload => ({
  id: crypto.randomUUID(),
  item: 'https://news.example/story/1',
  rating: 4,
  text: 'Clear and fair.',
  name: 'Leyla',
});

/** Retries without waiting: the wire contract is under test here, not the clock. */
const fast = { delays: [0, 0, 0] };

async function rejection(promise: Promise<unknown>): Promise<ReviewError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ReviewError);
    return error as ReviewError;
  }
  throw new Error('expected the review not to be sent');
}

describe('sendReview', () => {
  let server: ReturnType<typeof reviewServer> | undefined;
  afterEach(() => server?.restore());

  it('POSTs the payload as JSON with the page’s headers and credentials', async () => {
    server = reviewServer();
    const action = uniqueUrl('reviews');
    const sent = payload();
    const receipt = await sendReview(action, sent, { headers: { 'X-CSRF-Token': 'abc' }, credentials: 'include' });
    const [{ review, init, url }] = server.posts;
    expect(url).to.equal(new URL(action, document.baseURI).href);
    expect(review).to.deep.equal(sent);
    const headers = new Headers(init.headers);
    expect(headers.get('content-type')).to.equal('application/json');
    expect(headers.get('x-csrf-token')).to.equal('abc');
    expect(init.credentials).to.equal('include');
    expect(receipt.status).to.equal(201);
    expect(receipt.published).to.equal(false);
  });

  it('keeps the id through retries, so a server that stored before failing keeps one review', async () => {
    server = reviewServer({ answer: (n) => (n <= 2 ? { status: 500, stored: true } : undefined) });
    const retries: number[] = [];
    const receipt = await sendReview(uniqueUrl('reviews'), payload(), {
      ...fast,
      onRetry: (_e, attempt) => retries.push(attempt),
    });
    expect(server.posts).to.have.length(3);
    expect(new Set(server.posts.map((p) => p.review.id)).size).to.equal(1);
    expect(server.stored.size).to.equal(1);
    expect(receipt.status).to.equal(409);
    expect(retries).to.deep.equal([1, 2]);
  });

  it('counts 409 as sent', async () => {
    server = reviewServer({ answer: () => ({ status: 409, body: { error: 'Already stored' } }) });
    const receipt = await sendReview(uniqueUrl('reviews'), payload(), fast);
    expect(receipt.status).to.equal(409);
    expect(server.posts).to.have.length(1);
  });

  it('gives up after the retries with a transient error', async () => {
    server = reviewServer({ answer: () => ({ status: 503 }) });
    const error = await rejection(sendReview(uniqueUrl('reviews'), payload(), fast));
    expect(server.posts).to.have.length(4);
    expect(error.code).to.equal('unavailable');
    expect(error.status).to.equal(503);
    expect(error.transient).to.equal(true);
  });

  it('retries network failures and 429, not other 4xx', async () => {
    server = reviewServer({ answer: (n) => (n === 1 ? { fail: true } : n === 2 ? { status: 429 } : undefined) });
    await sendReview(uniqueUrl('reviews'), payload(), fast);
    expect(server.posts).to.have.length(3);
    server.restore();

    server = reviewServer({ answer: () => ({ status: 422, body: { error: 'Too short' } }) });
    const error = await rejection(sendReview(uniqueUrl('reviews'), payload(), fast));
    expect(server.posts).to.have.length(1);
    expect(error.code).to.equal('rejected');
    expect(error.transient).to.equal(false);
  });

  it('reads the server’s own error message from JSON, as plain text', async () => {
    server = reviewServer({ answer: () => ({ status: 400, body: { error: '  Links are\nnot allowed.  ' } }) });
    const error = await rejection(sendReview(uniqueUrl('reviews'), payload(), fast));
    expect(error.reason).to.equal('Links are not allowed.');
    expect(error.message).to.contain('status 400');
  });

  it('has no reason when a 4xx is not JSON', async () => {
    server = reviewServer({
      answer: () => ({ status: 403, headers: { 'content-type': 'text/html' }, body: '<h1>{"error":"no"}</h1>' }),
    });
    const error = await rejection(sendReview(uniqueUrl('reviews'), payload(), fast));
    expect(error.code).to.equal('rejected');
    expect(error.reason).to.equal(undefined);
  });

  it('abandons an attempt that takes longer than the timeout', async () => {
    server = reviewServer({ answer: () => ({ hang: true }) });
    const error = await rejection(sendReview(uniqueUrl('reviews'), payload(), { delays: [0], timeout: 30 }));
    expect(error.code).to.equal('timeout');
    expect(server.posts).to.have.length(2);
    expect(server.calls.every((call) => call.aborted)).to.equal(true);
  });

  describe('cancelled with a signal', () => {
    let clock: sinon.SinonFakeTimers | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });

    it('stops retrying when aborted between attempts, and rejects with the signal’s reason', async () => {
      server = reviewServer({ answer: () => ({ status: 503 }) });
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const cancel = new AbortController();
      const retries: number[] = [];
      const sending = sendReview(uniqueUrl('reviews'), payload(), {
        signal: cancel.signal,
        onRetry: (_e, n) => retries.push(n),
      });
      const outcome = sending.then(
        () => 'sent',
        (error: unknown) => error,
      );
      while (!retries.length) {
        await clock.tickAsync(0);
        await realTask();
      }
      cancel.abort();
      await clock.tickAsync(60_000);
      await realTask();
      expect(await outcome)
        .to.be.instanceOf(DOMException)
        .and.have.property('name', 'AbortError');
      expect(server.posts).to.have.length(1);
      expect(retries).to.deep.equal([1]);
    });

    it('aborts the request on its way, and sends nothing when aborted before it starts', async () => {
      server = reviewServer({ answer: () => ({ hang: true }) });
      const cancel = new AbortController();
      const sending = sendReview(uniqueUrl('reviews'), payload(), { signal: cancel.signal });
      while (!server.calls.length) await realTask();
      cancel.abort(new Error('left the page'));
      try {
        await sending;
        expect.fail('sent');
      } catch (error) {
        expect((error as Error).message).to.equal('left the page');
      }
      expect(server.calls[0]!.aborted).to.equal(true);
      const before = server.calls.length;
      try {
        await sendReview(uniqueUrl('reviews'), payload(), { signal: cancel.signal });
        expect.fail('sent');
      } catch (error) {
        expect((error as Error).message).to.equal('left the page');
      }
      expect(server.calls).to.have.length(before);
    });
  });

  it('refuses an action that is not http or https, without a request', async () => {
    server = reviewServer();
    const error = await rejection(sendReview('javascript:window.__pwned()', payload(), fast));
    expect(error.code).to.equal('invalid-url');
    expect(server.posts).to.have.length(0);
  });

  it('returns the review as the server stored it, and whether it is published', async () => {
    server = reviewServer({
      answer: () => ({
        status: 200,
        body: { status: 'published', text: 'Edited by the server.', name: 'L.', rating: 9 },
      }),
    });
    const sent = payload();
    const receipt = await sendReview(uniqueUrl('reviews'), sent, fast);
    expect(receipt.published).to.equal(true);
    expect(receipt.review).to.deep.equal({ ...sent, text: 'Edited by the server.', name: 'L.' });
  });

  it('accepts a 204 with no body, as awaiting moderation', async () => {
    server = reviewServer({ answer: () => ({ status: 204 }) });
    const sent = payload();
    const receipt = await sendReview(uniqueUrl('reviews'), sent, fast);
    expect(receipt).to.include({ status: 204, published: false });
    expect(receipt.review).to.deep.equal(sent);
  });
});
