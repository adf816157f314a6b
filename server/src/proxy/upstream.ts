import { fetch, type Dispatcher, type Response } from 'undici';
import type { AllowList } from './allow-list.js';
import { ProxyError } from './errors.js';
import { feedContentType } from './feed-type.js';
import { checkTarget } from './target.js';

const USER_AGENT = 'feedlets-server (+https://www.npmjs.com/package/feedlets-server)';
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  'application/feed+json, application/json;q=0.9, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

/** The upstream validators kept with a cached answer, for a conditional fetch. */
export interface Validators {
  /** The URL that answered (after redirects): the validators belong to it. */
  url: string;
  etag?: string;
  lastModified?: string;
}

export type UpstreamResult =
  | { status: 'fresh'; body: Uint8Array<ArrayBuffer>; contentType: string; validators: Validators }
  | { status: 'not-modified'; validators: Validators };

export interface UpstreamOptions {
  dispatcher: Dispatcher;
  allowList: AllowList;
  maxBytes: number;
  timeoutMs: number;
  validators?: Validators;
}

function describeBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${+(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} KB`;
}

/** Reads the body, cancelling the download as soon as it passes `maxBytes`. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new ProxyError(502, `${url} is larger than ${describeBytes(maxBytes)}, the most the proxy passes on`);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    const chunk = read.value as Uint8Array;
    size += chunk.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function requestHeaders(url: URL, validators?: Validators): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT };
  if (validators?.url === url.href) {
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  }
  return headers;
}

/** Why the connection failed, in words: the refusal itself, or what the network said. */
function networkError(error: unknown, url: string): ProxyError {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof ProxyError) return cause;
  const code = (cause as { code?: string } | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new ProxyError(502, `${new URL(url).hostname} was not found (DNS ${code})`);
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new ProxyError(502, `${url} could not be reached (${detail})`);
}

async function fetchOnce(url: URL, signal: AbortSignal, options: UpstreamOptions) {
  try {
    return await fetch(url, {
      dispatcher: options.dispatcher,
      headers: requestHeaders(url, options.validators),
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw networkError(error, url.href);
  }
}

/** Turns a non-2xx upstream answer into the proxy's answer: 404 and 410 keep their status. */
function statusError(response: Response, url: string): ProxyError {
  const { status, statusText } = response;
  const said = `${url} answered ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 404 || status === 410) return new ProxyError(status, `${said}: check the feed URL`);
  const retryAfter = response.headers.get('retry-after');
  return new ProxyError(
    502,
    `${said}, not a feed`,
    retryAfter && (status === 429 || status === 503) ? { 'retry-after': retryAfter } : {},
  );
}

async function follow(start: URL, signal: AbortSignal, options: UpstreamOptions): Promise<UpstreamResult> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await fetchOnce(url, signal, options);
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new ProxyError(502, `${url.href} answered ${response.status} without a Location to follow`);
      if (redirects === MAX_REDIRECTS)
        throw new ProxyError(502, `${start.href} redirected more than ${MAX_REDIRECTS} times`);
      // Every hop passes the same checks as the first: scheme, credentials, allow list, address.
      url = checkTarget(location, url, options.allowList, `${url.href} redirects to `);
      continue;
    }
    const validators: Validators = {
      url: url.href,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
    if (response.status === 304 && options.validators) {
      await response.body?.cancel();
      // A 304 need not repeat Last-Modified (RFC 9110): keep each validator it leaves out.
      const kept = options.validators;
      return {
        status: 'not-modified',
        validators: {
          url: url.href,
          etag: validators.etag ?? kept.etag,
          lastModified: validators.lastModified ?? kept.lastModified,
        },
      };
    }
    if (response.status !== 200 && response.status !== 203) {
      await response.body?.cancel();
      throw statusError(response, url.href);
    }
    const body = await readLimited(response, url.href, options.maxBytes);
    return {
      status: 'fresh',
      body,
      contentType: feedContentType(response.headers.get('content-type') ?? '', body, url.href),
      validators,
    };
  }
}

/**
 * Fetches an allowed feed URL: redirects followed by hand (each target checked again), the body
 * read up to `maxBytes`, everything within `timeoutMs`. Throws a {@link ProxyError} to answer with.
 */
export async function fetchUpstream(url: URL, options: UpstreamOptions): Promise<UpstreamResult> {
  const controller = new AbortController();
  const timeout = new ProxyError(504, `${url.href} did not answer within ${options.timeoutMs / 1000} s`);
  const timer = setTimeout(() => controller.abort(timeout), options.timeoutMs);
  try {
    return await follow(url, controller.signal, options);
  } catch (error) {
    if (error instanceof ProxyError) throw error;
    if (controller.signal.aborted) throw timeout;
    throw networkError(error, url.href);
  } finally {
    clearTimeout(timer);
    // Leave nothing running upstream once the answer is decided (a body still streaming, say).
    controller.abort(timeout);
  }
}
