import { Hono } from 'hono';
import type { Env, Settings } from '../options.js';

/** `GET /healthz`: 200 `ok` when the database answers, 503 otherwise (for load balancers). */
export function healthRoutes({ store }: Settings): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/healthz', async (c) => {
    c.header('cache-control', 'no-store');
    try {
      await store.ping();
      return c.text('ok');
    } catch (error) {
      console.error('[feedlets-server] /healthz: the database did not answer:', error);
      return c.text('the database does not answer', 503);
    }
  });
  return app;
}
