import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { gte, int, lte, maxLength, minLength, object, optional, string, trim, uuid } from 'zod/mini';
import type { ReviewPayload } from '../../src/core/review-schema.js';

// The demo's copy of the server's review check (feedlets-server has the real one): the browser
// package ships no zod, and this file goes when the demo uses the server.
const reviewPayloadSchema = object({
  id: uuid(),
  item: string().check(trim(), minLength(1), maxLength(2000)),
  rating: int().check(gte(1), lte(5)),
  text: string().check(trim(), minLength(1), maxLength(5000)),
  name: optional(string().check(trim(), maxLength(100))),
});

/** A review as the demo keeps it on disk. */
/** A review as kept: without `name` when the reader gave none. */
interface StoredReview extends Omit<ReviewPayload, 'name'> {
  name?: string;
  date: string;
  language?: string;
}

export interface ReviewsPluginOptions {
  /** The JSON file the reviews are kept in; created with a few sample reviews when missing. */
  file: string;
}

const BODY_MAX = 16 * 1024;
const KEPT_MAX = 500;
const ARTICLE = 'tag:news.example,2023-12-21:karabakh';

// zod/mini carries no message texts (they would ship to every reader), so the server words them.
const FIELD_ERRORS: Record<string, string> = {
  id: '`id` must be a UUID, made once per review and kept through retries.',
  item: '`item` must name the article reviewed.',
  rating: '`rating` must be a whole number from 1 to 5.',
  text: '`text` must be 1 to 5000 characters.',
  name: '`name` must be text of at most 100 characters.',
};

const SEED: StoredReview[] = [
  {
    id: '6f1c2d0a-3b4e-4c5d-8e9f-0a1b2c3d4e5f',
    item: ARTICLE,
    rating: 3,
    text: 'Məqalə maraqlıdır, amma rəsmi mövqe də verilsəydi, daha yaxşı olardı.',
    date: '2023-12-22T13:40:00+04:00',
    language: 'az',
  },
  {
    id: '2b7e9c14-5d6f-4a8b-9c0d-1e2f3a4b5c6d',
    item: ARTICLE,
    rating: 5,
    name: 'Дмитрий',
    text: 'Хорошая подборка мнений, спасибо. Ждём продолжения.',
    date: '2023-12-22T08:15:00+04:00',
    language: 'ru',
  },
  {
    id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    item: ARTICLE,
    rating: 4,
    name: 'Aysel',
    text: "A clear summary of both sides. I would like a follow-up on what the mission's terms actually say.",
    date: '2023-12-21T19:02:00+04:00',
    language: 'en',
  },
];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The reviews, newest first, in a JSON file that survives restarts. */
class ReviewFile {
  #reviews?: StoredReview[];

  constructor(readonly path: string) {}

  get all(): StoredReview[] {
    if (!this.#reviews) {
      if (existsSync(this.path)) this.#reviews = JSON.parse(readFileSync(this.path, 'utf8')) as StoredReview[];
      else this.#save((this.#reviews = [...SEED]));
    }
    return this.#reviews;
  }

  has(id: string) {
    return this.all.some((review) => review.id === id);
  }

  add(review: StoredReview) {
    this.#save((this.#reviews = [review, ...this.all].slice(0, KEPT_MAX)));
  }

  #save(reviews: StoredReview[]) {
    mkdirSync(dirname(this.path), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file.
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(reviews, null, 2) + '\n');
    renameSync(temporary, this.path);
  }
}

/** A stored review as a JSON Feed item with the `_review` extension. */
function toItem({ id, item, rating, text, name, date, language }: StoredReview) {
  return {
    id,
    content_text: text,
    date_published: date,
    ...(name ? { authors: [{ name }] } : {}),
    ...(language ? { language } : {}),
    _review: { rating, item },
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the client gets the 413 rather than a reset.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_MAX) chunks.push(chunk);
      else reject(new HttpError(413, `The review is larger than ${BODY_MAX / 1024} KB.`));
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The demo's review endpoint, for both `vite` and `vite preview`:
 * - `POST /api/reviews` takes `{ id, item, rating, text, name }` (checked with `reviewPayloadSchema`),
 *   answers 201 with the stored review as a feed item, 409 when that `id` was already received, and
 *   400 (or 413, 415) with `{ "error": "…" }` otherwise.
 * - `GET /api/reviews.json` serves every review as a JSON Feed whose items carry `_review`.
 * - `?faults=1` on either makes it fail sometimes (500, 503 with Retry-After, lost responses, slow
 *   answers), so anyone can watch retries and the error states.
 */
export function reviewsPlugin({ file }: ReviewsPluginOptions): Plugin {
  const store = new ReviewFile(file);

  async function receive(req: IncomingMessage, res: ServerResponse, faults: boolean) {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      throw new HttpError(415, 'Send the review as JSON (content-type: application/json).');
    }
    const body = await readBody(req);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'The body is not valid JSON.');
    }
    const parsed = reviewPayloadSchema.safeParse(data);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      throw new HttpError(400, FIELD_ERRORS[field] ?? 'Send a JSON object with `id`, `item`, `rating`, `text` and `name` (empty for none).');
    }
    const roll = faults ? Math.random() : 1;
    if (roll < 0.15) throw new HttpError(500, 'Simulated failure (faults=1): nothing was stored.');
    if (roll < 0.25) {
      res.setHeader('retry-after', '2');
      throw new HttpError(503, 'Simulated overload (faults=1): try again shortly.');
    }
    if (roll < 0.5) await sleep(2500 + Math.random() * 3000);
    const { id, item, rating, text, name } = parsed.data;
    if (store.has(id)) throw new HttpError(409, 'This review was already received.');
    const review: StoredReview = { id, item, rating, text, ...(name ? { name } : {}), date: new Date().toISOString() };
    store.add(review);
    // Stored, but the answer is "lost": a retry with the same id must get 409, not a second copy.
    if (roll < 0.35) throw new HttpError(500, 'Simulated failure (faults=1) after the review was stored.');
    send(res, 201, toItem(review));
  }

  async function serveFeed(req: IncomingMessage, res: ServerResponse, faults: boolean) {
    const roll = faults ? Math.random() : 1;
    if (roll < 0.15) throw new HttpError(500, 'Simulated failure (faults=1).');
    if (roll < 0.3) await sleep(2000 + Math.random() * 2000);
    const body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Reader reviews',
      feed_url: '/api/reviews.json',
      items: store.all.map(toItem),
    });
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    res.setHeader('etag', etag);
    if (req.headers['if-none-match'] === etag) return send(res, 304, undefined);
    res.statusCode = 200;
    res.setHeader('content-type', 'application/feed+json; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const faults = url.searchParams.get('faults') === '1';
    let handled: Promise<void>;
    if (url.pathname === '/api/reviews' && req.method === 'POST') handled = receive(req, res, faults);
    else if (url.pathname === '/api/reviews.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      handled = serveFeed(req, res, faults);
    } else if (url.pathname === '/api/reviews' || url.pathname === '/api/reviews.json') {
      res.setHeader('allow', url.pathname === '/api/reviews' ? 'POST' : 'GET, HEAD');
      return send(res, 405, { error: `${req.method} is not allowed here.` });
    } else return next();
    handled.catch((error: unknown) => {
      if (error instanceof HttpError) return send(res, error.status, { error: error.message });
      console.error('[reviews]', error);
      send(res, 500, { error: 'The review server failed.' });
    });
  };

  return {
    name: 'feedlets-demo-reviews',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
