import { stubFetch, type Reply } from './fetch-stub.js';

/** A reply, and whether the server kept the review anyway (a crash after the write). */
export interface ReviewReply extends Reply {
  stored?: boolean;
}

export interface ReviewServerOptions {
  /** The feed answered to every GET; none answers 404. */
  feed?: object;
  /** The answer to the `n`th POST (from 1); nothing gives the normal answer. */
  answer?: (n: number, review: Record<string, unknown>) => ReviewReply | undefined | Promise<ReviewReply | undefined>;
}

const json = { 'content-type': 'application/json' };

/**
 * A fake site at the network edge: GETs get `feed`, POSTs are reviews, stored by `id` the way the
 * docs/reviews.md asks servers to (a second POST with a known id answers 409). Normal answer: 201 with the
 * stored review and `"status": "pending"`.
 */
export function reviewServer({ feed, answer }: ReviewServerOptions = {}) {
  const stored = new Map<string, Record<string, unknown>>();
  const posts: { review: Record<string, unknown>; init: RequestInit; url: string }[] = [];
  const stub = stubFetch(async (url, init) => {
    if (init.method !== 'POST') return feed ? { body: feed } : { status: 404, body: 'Not found' };
    const review = JSON.parse(String(init.body)) as Record<string, unknown>;
    posts.push({ review, init, url });
    const reply = await answer?.(posts.length, review);
    const id = String(review.id);
    if (reply) {
      if (reply.stored ?? (reply.status ?? 200) < 400) stored.set(id, review);
      return { headers: json, ...reply };
    }
    if (stored.has(id)) return { status: 409, headers: json, body: { error: 'Already stored' } };
    stored.set(id, review);
    return { status: 201, headers: json, body: { ...review, status: 'pending' } };
  });
  return {
    ...stub,
    /** Reviews the server kept, one per id. */
    stored,
    /** Every POST, in order. */
    posts,
  };
}
