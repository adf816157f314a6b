/** Why a feed could not be shown. Stable strings: pages may switch on them. */
export type FeedErrorCode =
  'invalid-url' | 'network' | 'timeout' | 'http' | 'cors' | 'not-json' | 'not-a-feed' | 'too-large';

/**
 * A feed failure with a `code` for programs and a message for people: it says what happened and,
 * where it can, what to do. It never contains the response body. `cause` is the error underneath,
 * when there was one (say, the `TypeError` of a connection that dropped).
 */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly url?: string,
    readonly status?: number,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}
