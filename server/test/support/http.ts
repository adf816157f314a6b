import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { createHandler } from '../../src/handler-with-assets.js';
import { listen, type NodeServer } from '../../src/node.js';
import type { HandlerOptions } from '../../src/options.js';

export const SITE = 'https://news.example';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ARTICLE = `${SITE}/news/42`;

/** The handler behind a real HTTP server on a free loopback port. */
export async function startServer(
  options: Partial<HandlerOptions> & Pick<HandlerOptions, 'store'>,
): Promise<NodeServer> {
  return listen(createHandler({ sites: [SITE], adminToken: ADMIN_TOKEN, rateLimit: 0, ...options }), {
    port: 0,
    host: '127.0.0.1',
  });
}

/** A valid review as `<news-reviews>` sends it, with a new id. */
export function review(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    item: ARTICLE,
    rating: 4,
    text: 'A fair account of both sides.',
    name: 'Aysel',
    ...overrides,
  };
}

/** POSTs `body` (an object is sent as JSON) as a page of the site would. */
export async function post(base: string, body: unknown, headers: Record<string, string> = {}, path = '/api/reviews') {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SITE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** GETs `url` as JSON with `headers`, which may name the `Host` (what `fetch` may not send). */
export function getJson(url: string, headers: Record<string, string>): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(text) as Record<string, string>);
        } catch (error) {
          reject(new Error(`${response.statusCode}: ${text}`, { cause: error }));
        }
      });
    }).on('error', reject);
  });
}
