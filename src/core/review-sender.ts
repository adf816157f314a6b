import { isObject } from './normalise.js';
import { safeUrl } from './safe-url.js';
import type { ReviewPayload } from './review-schema.js';
import { NAME_MAX, REVIEW_MAX, clip, squash } from './text.js';

/**
 * Why a review was not sent. `rejected`: the server refused it (4xx) and will again until the
 * review changes. `unavailable` (5xx, 408, 429), `network` and `timeout` may pass on their own.
 */
export type ReviewErrorCode = 'invalid-url' | 'rejected' | 'unavailable' | 'network' | 'timeout';

/** A review that could not be sent. `reason` is the server's own message, as plain text, for the reader. */
export class ReviewError extends Error {
  override readonly name = 'ReviewError';

  constructor(
    readonly code: ReviewErrorCode,
    message: string,
    readonly status?: number,
    readonly reason?: string,
  ) {
    super(message);
  }

  /** Whether sending the same review again later may succeed. */
  get transient(): boolean {
    return this.code === 'unavailable' || this.code === 'network' || this.code === 'timeout';
  }
}

/** What the server said when it accepted a review. */
export interface ReviewReceipt {
  /** The HTTP status: 2xx, or 409 when the server already had a review with this id. */
  status: number;
  /** True when the answer says `"status": "published"`; otherwise the review awaits moderation. */
  published: boolean;
  /** The review as stored: the `text`, `name` and `rating` the answer gave, else those sent. */
  review: ReviewPayload;
  /** The parsed JSON body, when the server sent one. */
  body?: unknown;
}

/** How {@link sendReview} talks to the server. */
export interface SendOptions {
  /** Extra request headers, such as a CSRF token. */
  headers?: Record<string, string>;
  /** Whether cookies go with the request (`fetch`'s `credentials`). Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Milliseconds before one attempt is abandoned. Default 15 000. */
  timeout?: number;
  /** Milliseconds to wait before each automatic retry; as many retries as entries. */
  delays?: readonly number[];
  /** Told before each automatic retry, so the reader can be told too. */
  onRetry?: (error: ReviewError, attempt: number) => void;
  /** Cancels sending: the request on its way and every retry. Then `sendReview` rejects with its reason. */
  signal?: AbortSignal;
}

/** Three retries over about 13 seconds: long enough for a restart, short enough to wait for. */
export const RETRY_DELAYS: readonly number[] = [1000, 3000, 9000];

/** Resolves after `ms`, or rejects with `signal`'s reason as soon as it is aborted. */
const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });

async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(await response.text());
  } catch {
    return undefined;
  }
}

function receipt(status: number, payload: ReviewPayload, body: unknown): ReviewReceipt {
  const data = isObject(body) ? body : {};
  const text = typeof data.text === 'string' && data.text.trim() ? clip(data.text.trim(), REVIEW_MAX) : payload.text;
  const name = typeof data.name === 'string' ? clip(squash(data.name), NAME_MAX) : payload.name;
  const rating = typeof data.rating === 'number' && data.rating >= 1 && data.rating <= 5 ? data.rating : payload.rating;
  return { status, published: data.status === 'published', review: { ...payload, text, name, rating }, body };
}

async function post(url: string, payload: ReviewPayload, options: SendOptions): Promise<ReviewReceipt> {
  const timeout = options.timeout ?? 15_000;
  const headers = new Headers(options.headers);
  headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  const { signal } = options;
  const request = new AbortController();
  const timer = setTimeout(() => request.abort(), timeout);
  const cancel = () => request.abort(signal!.reason);
  signal?.addEventListener('abort', cancel, { once: true });
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      credentials: options.credentials ?? 'same-origin',
      signal: request.signal,
    });
    body = await readJson(response);
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (request.signal.aborted) throw new ReviewError('timeout', `${url} did not answer within ${timeout / 1000} s`);
    const detail = cause instanceof Error ? ` (${cause.message})` : '';
    throw new ReviewError('network', `${url} could not be reached${detail}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
  const { status } = response;
  if (response.ok || status === 409) return receipt(status, payload, body);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const said = isObject(body) && typeof body.error === 'string' ? clip(squash(body.error), 300) : '';
    throw new ReviewError(
      'rejected',
      `${url} refused the review (status ${status})${said ? `: ${said}` : ''}`,
      status,
      said || undefined,
    );
  }
  throw new ReviewError('unavailable', `${url} could not take the review now (status ${status})`, status);
}

/**
 * POSTs `payload` as JSON to `action` and resolves with the server's receipt. A 2xx or 409 is
 * sent; a transient failure is retried after each of `delays`, with the same payload and so the
 * same `id`, which lets the server drop duplicates. Aborting `options.signal` stops it all.
 *
 * @throws {ReviewError} when the server refused the review or could not be reached in time.
 * @throws the reason of `options.signal` once it is aborted.
 */
export async function sendReview(
  action: string,
  payload: ReviewPayload,
  options: SendOptions = {},
): Promise<ReviewReceipt> {
  const url = safeUrl(action);
  if (!url) throw new ReviewError('invalid-url', `"${action}" is not an http or https URL`);
  const { signal } = options;
  const delays = options.delays ?? RETRY_DELAYS;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await post(url, payload, options);
    } catch (error) {
      if (!(error instanceof ReviewError) || !error.transient || attempt >= delays.length) throw error;
      options.onRetry?.(error, attempt + 1);
      // Jitter, so readers cut off by one outage do not all come back in the same second.
      await wait(delays[attempt]! * (0.8 + Math.random() * 0.4), signal);
    }
  }
}
