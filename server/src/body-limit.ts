import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingLimit } from 'hono/body-limit';

/**
 * Refuses a request body larger than `maxSize` bytes. A body with a Content-Length (what browsers
 * send) is judged by that header alone, before a byte is read: Node's parser never reads past it,
 * and not touching `request.body` lets the Node adapter hand the handler the bytes directly
 * instead of building a stream. A chunked body, whose size is known only at its end, is counted
 * as it arrives by Hono's own limit.
 */
export function bodyLimit(options: {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}): MiddlewareHandler {
  const streaming = streamingLimit(options);
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined || !/^\d+$/.test(length)) {
      return streaming(c, next);
    }
    if (Number(length) > options.maxSize) return options.onError(c);
    await next();
  };
}
