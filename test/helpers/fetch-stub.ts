/** What the fake network answers for one request. */
export interface Reply {
  status?: number;
  /** Text, bytes (for bodies in other encodings than UTF-8), or an object sent as JSON. */
  body?: string | Uint8Array<ArrayBuffer> | object;
  headers?: Record<string, string>;
  /** Milliseconds before the answer; the request can be aborted meanwhile. */
  delay?: number;
  /** Never answer (until aborted). */
  hang?: boolean;
  /** Fail like a network error (`TypeError: Failed to fetch`). */
  fail?: boolean;
}

export interface Call {
  url: string;
  init: RequestInit;
  /** Whether the request was aborted before it was answered. */
  aborted: boolean;
  /** Resolves once the request is answered, has failed or was aborted: its outcome is decided. */
  settled: Promise<void>;
}

/**
 * A promise the test resolves itself: a reply held back until the test `open`s it, so "while the
 * request is on its way" is a state the test sets, not a time it hopes for.
 */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Replaces `fetch` at the edge of the page with `handler`, and records every call. Tests stub the
 * network here, never the store's internals. Call `restore()` (or `stub.restore` in afterEach).
 */
export function stubFetch(handler: (url: string, init: RequestInit, call: number) => Reply | Promise<Reply>) {
  const original = window.fetch;
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI).href;
    let settle!: () => void;
    const call: Call = { url, init, aborted: false, settled: new Promise((resolve) => (settle = resolve)) };
    calls.push(call);
    const signal = init.signal;
    const reply = await handler(url, init, calls.length);
    return new Promise<Response>((resolve, reject) => {
      const abort = () => {
        call.aborted = true;
        reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
        settle();
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      if (reply.hang) return;
      setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        settle();
        if (reply.fail) return reject(new TypeError('Failed to fetch'));
        const body =
          typeof reply.body === 'string' || reply.body === undefined || reply.body instanceof Uint8Array
            ? (reply.body as string | Uint8Array<ArrayBuffer> | undefined)
            : JSON.stringify(reply.body);
        const status = reply.status ?? 200;
        resolve(
          new Response(status === 304 || status === 204 ? null : (body ?? ''), {
            status,
            headers: { 'content-type': 'application/feed+json', ...reply.headers },
          }),
        );
      }, reply.delay ?? 0);
    });
  };
  return {
    calls,
    /** Calls made to `url` (resolved against the page). */
    callsTo: (url: string) => calls.filter((c) => c.url === new URL(url, document.baseURI).href),
    restore: () => {
      window.fetch = original;
    },
  };
}

let counter = 0;
/** A same-origin feed URL no other test uses, so the page's shared store never mixes tests. */
export const uniqueUrl = (name = 'feed') => `/test-feeds/${name}-${Date.now()}-${++counter}.json`;
