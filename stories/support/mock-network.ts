/**
 * The stories' network edge, answered by msw's service worker (`.storybook/public/mockServiceWorker.js`,
 * written by `npx msw init`). A few paths are answered here, for what a folder of static files cannot
 * serve: a request that never answers, a feed generated in code, a review endpoint. Every other
 * request passes through, so fixture feeds, 404s and non-feeds come from the server exactly as on a site.
 */
import { http, type HttpHandler } from 'msw';

const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2024, 0, 22, 9, 0);

/** Paths the mock answers, relative to the Storybook page (so a deployed sub-folder works too). */
export const MOCK = {
  /** Never answers, until the caller aborts (the elements time out after 15 s): the loading state. */
  hang: 'mock/hang.json',
  /** A 300-item feed across four categories. */
  many: 'mock/many.json',
  /** 60 reviews of the Karabakh article. */
  manyReviews: 'mock/many-reviews.json',
  /** Accepts every review: 201 with the stored review, awaiting moderation. */
  reviews: 'mock/reviews',
  /** Fails the first review POST with 500, then accepts: watch the automatic retry. */
  reviewsFlaky: 'mock/reviews-flaky',
  /** Always 500: the failed state, with the draft kept and Retry offered. */
  reviewsDown: 'mock/reviews-down',
} as const;

const TOPICS = [
  { tag: 'Politics', title: 'Karabakh peacekeeping mission questioned in Baku' },
  { tag: 'Social', title: 'Residents of Əhmədli report a gas-like odour' },
  { tag: 'Weather', title: 'Cloudy in Baku, rain in the evening' },
  { tag: 'Economy', title: 'Baku market prices reviewed' },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Resolves never; rejects when the caller gives up, as a real request would. */
const never = (signal: AbortSignal) =>
  new Promise<Response>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A large feed, made here rather than stored as a file. */
export function manyItems(count: number) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Many items',
    items: Array.from({ length: count }, (_, i) => {
      const topic = TOPICS[i % TOPICS.length]!;
      return {
        id: `many-${i + 1}`,
        url: `https://news.example/archive/${i + 1}`,
        title: `${topic.title} (${i + 1})`,
        summary: `Story ${i + 1} of ${count} in ${topic.tag}.`,
        date_published: new Date(START - i * 3600 * 1000).toISOString(),
        tags: [topic.tag],
      };
    }),
  };
}

function manyReviews(count: number) {
  const words = ['Clear and balanced.', 'Useful background on the mission.', 'Too short on sources.', 'Well written.'];
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Reviews',
    items: Array.from({ length: count }, (_, i) => ({
      id: `many-review-${i + 1}`,
      content_text: words[i % words.length],
      authors: [{ name: `Reader ${i + 1}` }],
      date_published: new Date(START - i * DAY).toISOString(),
      _review: { rating: (i % 5) + 1, item: 'karabakh-peacekeepers' },
    })),
  };
}

/** Answers a review POST as a moderated site would: stored, awaiting moderation. */
async function accept(request: Request) {
  if (request.method !== 'POST') return json({ error: 'POST a review here' }, 405);
  const review = (await request.json()) as Record<string, unknown>;
  return json({ ...review, status: 'pending' }, 201);
}

/** Review POSTs seen per path in the current story: the flaky endpoint fails only the first. */
const calls = new Map<string, number>();

/** Forgets earlier calls: run before each story, so every story starts from the same endpoint state. */
export function resetMockCalls(): void {
  calls.clear();
}

const count = (path: string) => {
  const seen = (calls.get(path) ?? 0) + 1;
  calls.set(path, seen);
  return seen;
};

/** Relative to the Storybook page, so a deployed sub-folder works too. */
const at = (path: string) => new URL(path, document.baseURI).href;

/** The mocked endpoints, as msw handlers (made on call: the paths resolve against the page). */
export const mockHandlers = (): HttpHandler[] => [
  http.get(at(MOCK.hang), ({ request }) => never(request.signal)),
  http.get(at(MOCK.many), () => json(manyItems(300))),
  http.get(at(MOCK.manyReviews), () => json(manyReviews(60))),
  http.all(at(MOCK.reviews), ({ request }) => accept(request)),
  http.all(at(MOCK.reviewsFlaky), ({ request }) =>
    count(MOCK.reviewsFlaky) === 1 ? json({ error: 'The review service is restarting' }, 500) : accept(request),
  ),
  http.all(at(MOCK.reviewsDown), () => json({ error: 'The review service is down' }, 500)),
];
