import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from '../body-limit.js';
import { clientAddress, publicUrl, rateLimited } from '../client.js';
import type { Env, Settings } from '../options.js';
import { canonicalItem, firstProblem, reviewPayloadSchema } from '../schema.js';
import { InvalidCursorError } from '../store/cursor.js';
import type { ReviewSummary, StoredReview } from '../store/types.js';
import { etagMatches } from '../etag.js';

/** The largest review body taken, in bytes. */
export const BODY_MAX = 16 * 1024;
const PAGE_DEFAULT = 50;
const PAGE_MAX = 100;

/** A review as a JSON Feed 1.1 item with the `_review` extension `<news-reviews>` reads. */
export function toFeedItem(review: StoredReview) {
  return {
    id: review.id,
    content_text: review.text,
    date_published: review.createdAt,
    ...(review.name ? { authors: [{ name: review.name }] } : {}),
    _review: { rating: review.rating, item: review.item },
  };
}

/**
 * The listing's validator: the published set's version (which every change to it moves, see
 * {@link ReviewSummary.version}), with its count, last change and average beside it so a database
 * restored from an export, whose versions start again, still gives other tags. One tag serves
 * every page of one listing: each page's URL is its own resource.
 */
function feedEtag({ version, count, lastChange, average }: ReviewSummary): string {
  const changed = lastChange === undefined ? 0 : Date.parse(lastChange);
  return `"r1-${version.toString(36)}-${count.toString(36)}-${changed.toString(36)}-${Math.round(average * 10)}"`;
}

const refuse = (c: Context<Env>, status: 400 | 403 | 404 | 409 | 413 | 415 | 429, error: string) => {
  c.header('cache-control', 'no-store');
  return c.json({ error }, status);
};

/** Whether `item` names an article of one of the sites: a URL on one, or an id they listed. */
function isSiteItem(settings: Settings, item: string): boolean {
  if (settings.itemIds.has(item)) return true;
  try {
    return settings.sites.has(new URL(item).origin);
  } catch {
    return false;
  }
}

/** `POST /reviews` (the contract `<news-reviews action>` speaks) and `GET /reviews.json`. */
export function reviewRoutes(settings: Settings): Hono<Env> {
  const app = new Hono<Env>();
  const { store } = settings;

  app.use(
    '*',
    cors({
      // Only the sites' pages may read the answers; other origins get no CORS headers at all.
      origin: (origin) => (settings.sites.has(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST'],
      allowHeaders: ['Content-Type'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );

  app.post(
    '/reviews',
    async (c, next) => {
      const origin = c.req.header('origin');
      if (!origin || !settings.sites.has(origin)) {
        return refuse(c, 403, 'Reviews are taken only from the pages of this site.');
      }
      if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
        return refuse(c, 415, 'Send the review as JSON (Content-Type: application/json).');
      }
      await next();
    },
    bodyLimit({
      maxSize: BODY_MAX,
      onError: (c) => refuse(c as Context<Env>, 413, `The review is larger than ${BODY_MAX / 1024} KB.`),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return refuse(c, 400, 'The review could not be read (the body is not valid JSON).');
      }
      const parsed = reviewPayloadSchema.safeParse(body);
      if (!parsed.success) return refuse(c, 400, firstProblem(parsed.error));
      const status = settings.moderation === 'post' ? 'published' : 'pending';
      // The honeypot field no person can reach: a bot filled it. Thank it and keep nothing.
      const trap = (body as { website?: unknown }).website;
      if (typeof trap === 'string' ? trap.trim() !== '' : trap !== undefined && trap !== null) {
        c.header('cache-control', 'no-store');
        return c.json({ status }, 201);
      }
      const review = parsed.data;
      if (!isSiteItem(settings, review.item)) {
        return refuse(c, 400, 'This site does not take reviews of that article (its address is not on this site).');
      }
      if (settings.rateLimit) {
        const wait = await rateLimited(settings, 'post', clientAddress(c, settings), settings.rateLimit);
        // A reader whose 201 was lost sends the same id again: tell them it is stored, not to wait.
        // Looked up only at an empty bucket, so a post that is let through costs no extra read.
        if (wait > 0 && (await store.get(review.id))) return refuse(c, 409, 'This review was already received.');
        if (wait > 0) {
          c.header('retry-after', String(wait));
          return refuse(c, 429, `You have sent many reviews in a short time: try again in ${wait} s.`);
        }
      }
      const stored = await store.add({ ...review, name: review.name ?? '', status });
      if (!stored) return refuse(c, 409, 'This review was already received.');
      c.header('cache-control', 'no-store');
      return c.json({ status, id: review.id, rating: review.rating, text: review.text, name: review.name ?? '' }, 201);
    },
  );

  app.on(['GET', 'HEAD'], '/reviews.json', async (c) => {
    const given = c.req.query('item') || undefined;
    const after = c.req.query('after') || undefined;
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? PAGE_DEFAULT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) {
      return refuse(c, 400, `\`limit\` must be a whole number from 1 to ${PAGE_MAX}.`);
    }
    if ((given?.length ?? 0) > 2000 || (after?.length ?? 0) > 200) return refuse(c, 400, 'The query is too long.');
    // Reviews are stored under the canonical spelling of their article's address: look it up by the same.
    const item = given && canonicalItem(given);
    // The ETag is read from the article's totals row, so a 304 costs one primary-key lookup.
    const summary = await store.summary(item);
    const etag = feedEtag(summary);
    c.header('etag', etag);
    c.header('cache-control', 'no-cache');
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    let page;
    try {
      page = await store.list({ item, status: ['published'], limit, after });
    } catch (error) {
      if (error instanceof InvalidCursorError)
        return refuse(c, 400, '`after` is not a page of this feed: follow next_url.');
      throw error;
    }
    // Behind a reverse proxy (with --trust-proxy), the links name the address readers use.
    const url = publicUrl(c, settings);
    let next: string | undefined;
    if (page.next) {
      const nextUrl = new URL(url);
      nextUrl.searchParams.set('after', page.next);
      next = nextUrl.href;
    }
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Reader reviews',
      ...(item && /^https?:/.test(item) ? { home_page_url: item } : {}),
      feed_url: url.href,
      ...(next ? { next_url: next } : {}),
      _reviews: { average: summary.average, count: summary.count },
      items: page.reviews.map(toFeedItem),
    };
    c.header('content-type', 'application/feed+json; charset=utf-8');
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(JSON.stringify(feed), 200);
  });

  app.all('/reviews', (c) => {
    c.header('allow', 'POST, OPTIONS');
    return c.json({ error: `${c.req.method} is not allowed here: POST a review as JSON.` }, 405);
  });
  app.all('/reviews.json', (c) => {
    c.header('allow', 'GET, HEAD, OPTIONS');
    return c.json({ error: `${c.req.method} is not allowed here.` }, 405);
  });
  return app;
}
