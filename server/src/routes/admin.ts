import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import { AdminAuth } from '../auth.js';
import { clientAddress, rateLimited } from '../client.js';
import type { Env, Settings } from '../options.js';
import { InvalidCursorError } from '../store/cursor.js';
import type { ReviewStatus, StoredReview } from '../store/types.js';

const COOKIE = 'feedlets_admin';
const ACTIONS = { approve: 'published', reject: 'rejected' } as const satisfies Record<string, ReviewStatus>;
const SHOWN = 200;
// Sign-in attempts per client address: enough for typos, too few to guess a token.
const SIGN_IN_LIMIT = { perMinute: 10, perDay: 100 };

type Who = { by: 'bearer' } | { by: 'cookie'; session: string } | undefined;

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
article { border: 1px solid #ccc; border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
.meta { color: #555; font-size: .875rem; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
form { display: inline; } button { font: inherit; margin-inline-end: .5rem; }
.error { color: #a00; }
`;

function page(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>
      ${STYLE}
    </style>
  </head>
  <body>
    ${body}
  </body>
</html>`;
}

/** The moderation page, the sign-in form, and the JSON API for scripts (`Authorization: Bearer`). */
export function adminRoutes(settings: Settings): Hono<Env> {
  const app = new Hono<Env>();
  const { store, prefix } = settings;
  const auth = new AdminAuth(settings.adminToken);
  const base = `${prefix}/admin`;

  // The page shows hostile text: no script may run on it, and no other site may frame it.
  // Scoped to the admin paths: mounted beside the other routes under the prefix, a '*' here would
  // also give the feed proxy (mounted after it) this page's CSP and no-store.
  app.use(
    '/admin/*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
    async (c, next) => {
      await next();
      c.header('cache-control', 'no-store');
    },
  );

  async function who(c: Context<Env>): Promise<Who> {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      return match && (await auth.isToken(match[1]!)) ? { by: 'bearer' } : undefined;
    }
    const session = getCookie(c, COOKIE);
    return session && (await auth.isSession(session, settings.now())) ? { by: 'cookie', session } : undefined;
  }

  const signIn = (c: Context<Env>, status: 200 | 401 | 429, problem?: string) =>
    c.html(
      page(
        'Sign in · feedlets-server',
        html`<main>
          <h1>Reader reviews: sign in</h1>
          ${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
          <form method="post" action="${base}/login">
            <label>Admin token <input type="password" name="token" autocomplete="current-password" required autofocus /></label>
            <button>Sign in</button>
          </form>
        </main>`,
      ),
      status,
    );

  /** A CSRF field for a signed-in page; none for a Bearer request, which no other site can forge. */
  const csrfField = (csrf: string | undefined) =>
    csrf === undefined ? '' : html`<input type="hidden" name="csrf" value="${csrf}" />`;

  function reviewCard(review: StoredReview, csrf: string | undefined) {
    const stars = '★'.repeat(review.rating) + '☆'.repeat(5 - review.rating);
    const button = (action: string, label: string) =>
      html`<form method="post" action="${base}/reviews/${encodeURIComponent(review.id)}/${action}">
        ${csrfField(csrf)}<button>${label}</button>
      </form>`;
    return html`<article>
      <p class="meta"><span aria-label="${review.rating} of 5 stars">${stars}</span> · ${review.name || 'Anonymous'} · ${review.createdAt} · ${review.status}</p>
      <p class="meta">On ${review.item}</p>
      <p class="text">${review.text}</p>
      <p>
        ${review.status !== 'published' ? button('approve', 'Approve') : ''} ${review.status !== 'rejected' ? button('reject', 'Reject') : ''}
        ${button('delete', 'Delete')}
      </p>
      <p class="meta">id ${review.id}</p>
    </article>`;
  }

  app.get('/admin', async (c) => {
    const user = await who(c);
    if (!user) return signIn(c, 401);
    const csrf = user.by === 'cookie' ? await auth.csrfFor(user.session) : undefined;
    const [pending, published] = await Promise.all([
      store.list({ status: ['pending'], limit: SHOWN }),
      store.list({ status: ['published'], limit: SHOWN }),
    ]);
    const section = (title: string, reviews: StoredReview[], empty: string) =>
      html`<section>
        <h2>${title} (${reviews.length}${reviews.length === SHOWN ? '+' : ''})</h2>
        ${reviews.length ? reviews.map((review) => reviewCard(review, csrf)) : html`<p>${empty}</p>`}
      </section>`;
    return c.html(
      page(
        'Reviews · feedlets-server',
        html`<main>
          <h1>Reader reviews</h1>
          ${user.by === 'cookie' ? html`<form method="post" action="${base}/logout">${csrfField(csrf)}<button>Sign out</button></form>` : ''}
          ${section('Waiting for approval', pending.reviews, 'No review is waiting.')}
          ${section('Published', published.reviews, 'No review is published yet.')}
        </main>`,
      ),
    );
  });

  app.post('/admin/login', async (c) => {
    const wait = await rateLimited(settings, 'sign-in', clientAddress(c, settings), SIGN_IN_LIMIT);
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return signIn(c, 429, `Too many attempts: try again in ${wait} s.`);
    }
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = typeof form.token === 'string' ? form.token : '';
    if (!(await auth.isToken(token))) return signIn(c, 401, 'That is not the admin token.');
    setCookie(c, COOKIE, await auth.newSession(settings.now()), {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: base,
      maxAge: Math.floor(auth.lifetimeMs / 1000),
    });
    return c.redirect(base, 303);
  });

  /** Who may act: a Bearer token, or a signed-in page that sent its CSRF token. */
  async function actor(c: Context<Env>): Promise<Response | Who> {
    const user = await who(c);
    if (!user) return c.json({ error: 'Sign in first, or send Authorization: Bearer <admin token>.' }, 401);
    if (user.by === 'cookie') {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const token = typeof form.csrf === 'string' ? form.csrf : c.req.header('x-csrf-token');
      if (!(await auth.isCsrf(user.session, token))) {
        return c.json({ error: 'The form is missing its CSRF token (or it is stale): reload the admin page.' }, 403);
      }
    }
    return user;
  }

  app.post('/admin/logout', async (c) => {
    const user = await actor(c);
    if (user instanceof Response) return user;
    deleteCookie(c, COOKIE, { path: base, secure: true });
    return c.redirect(base, 303);
  });

  app.get('/admin/reviews', async (c) => {
    const user = await who(c);
    if (!user) return c.json({ error: 'Sign in first, or send Authorization: Bearer <admin token>.' }, 401);
    const wanted = c.req.queries('status') ?? [];
    const status = wanted.filter(
      (one): one is ReviewStatus => one === 'pending' || one === 'published' || one === 'rejected',
    );
    if (status.length !== wanted.length) return c.json({ error: '`status` is pending, published or rejected.' }, 400);
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
    try {
      return c.json(
        await store.list({
          status: status.length ? status : undefined,
          limit,
          after: c.req.query('after') || undefined,
        }),
      );
    } catch (error) {
      if (error instanceof InvalidCursorError)
        return c.json({ error: '`after` is not a cursor this list gave: follow `next`.' }, 400);
      throw error;
    }
  });

  app.post('/admin/reviews/:id/:action', async (c) => {
    const user = await actor(c);
    if (user instanceof Response) return user;
    const { action } = c.req.param();
    // Ids are stored as lowercase UUIDs (schema.ts): one typed in capitals names the same review.
    const id = c.req.param('id').toLowerCase();
    let done: boolean;
    if (action === 'delete') done = await store.delete(id);
    else if (action === 'approve' || action === 'reject') done = await store.setStatus(id, ACTIONS[action]);
    else return c.json({ error: `Unknown action "${action}": approve, reject or delete.` }, 404);
    if (!done) return c.json({ error: `No review has the id ${id}.` }, 404);
    if (user?.by === 'cookie') return c.redirect(base, 303);
    return c.json(action === 'delete' ? { id, deleted: true } : { id, status: ACTIONS[action] });
  });

  return app;
}
