/**
 * A failure the proxy answers with: the HTTP status and a message for the person reading it (a
 * site owner in the console, or a widget's error line). It never contains the upstream body.
 */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';

  constructor(
    readonly status: number,
    message: string,
    /** Headers worth passing on, e.g. the upstream `Retry-After` of a 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Thrown inside the connector when a host resolves to an address the proxy does not connect to. */
export class AddressRefused extends ProxyError {
  constructor(message: string) {
    super(403, message);
  }
}
