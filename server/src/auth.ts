// Admin sessions without server state: the cookie is an expiry signed with a key derived from the
// admin token, so every instance behind a load balancer accepts it and changing the token signs
// everyone out. Only Web Crypto is used, so this runs on Node, Deno, Bun and edge runtimes alike;
// `crypto.subtle.verify` compares MACs in constant time.

const encoder = new TextEncoder();

function toBase64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '=');
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function hmacKey(secret: BufferSource): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** Signs and checks admin sessions and CSRF tokens for one admin token. */
export class AdminAuth {
  readonly #token: Promise<CryptoKey>;
  readonly #session: Promise<CryptoKey>;
  readonly #secret: Uint8Array<ArrayBuffer>;

  /**
   * @param adminToken The secret an administrator signs in with.
   * @param lifetimeMs How long a session lasts.
   */
  constructor(
    adminToken: string,
    readonly lifetimeMs = 12 * 60 * 60 * 1000,
  ) {
    this.#secret = encoder.encode(adminToken);
    this.#token = hmacKey(this.#secret);
    this.#session = this.#token.then(async (key) =>
      hmacKey(await crypto.subtle.sign('HMAC', key, encoder.encode('feedlets-admin-session'))),
    );
  }

  /** Whether `candidate` is the admin token, in time that does not depend on where they differ. */
  async isToken(candidate: string): Promise<boolean> {
    const key = await this.#token;
    // Compares HMAC(candidate) with HMAC(token): equal-length values, compared by `verify`.
    const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(candidate));
    return crypto.subtle.verify('HMAC', key, mac, this.#secret);
  }

  /** A new session cookie value, valid for {@link lifetimeMs} from `now`. */
  async newSession(now: number): Promise<string> {
    const expires = String(now + this.lifetimeMs);
    return `${expires}.${toBase64url(await crypto.subtle.sign('HMAC', await this.#session, encoder.encode(`session.${expires}`)))}`;
  }

  /** Whether `value` is a session this token signed that has not expired at `now`. */
  async isSession(value: string | undefined, now: number): Promise<boolean> {
    const [expires = '', signature = ''] = (value ?? '').split('.');
    const mac = fromBase64url(signature);
    const until = Number(expires);
    if (!mac || !/^\d{1,16}$/.test(expires) || until <= now || until > now + this.lifetimeMs) return false;
    return crypto.subtle.verify('HMAC', await this.#session, mac, encoder.encode(`session.${expires}`));
  }

  /** The CSRF token for forms shown in `session`. */
  async csrfFor(session: string): Promise<string> {
    return toBase64url(await crypto.subtle.sign('HMAC', await this.#session, encoder.encode(`csrf.${session}`)));
  }

  /** Whether `token` is the CSRF token of `session`. */
  async isCsrf(session: string, token: string | undefined): Promise<boolean> {
    const mac = fromBase64url(token ?? '');
    return !!mac && crypto.subtle.verify('HMAC', await this.#session, mac, encoder.encode(`csrf.${session}`));
  }
}
