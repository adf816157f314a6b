import { isIP } from 'node:net';
import { classifyAddress } from './address-policy.js';
import type { AllowList } from './allow-list.js';
import { ProxyError } from './errors.js';

const MAX_URL_LENGTH = 4096;

/**
 * Parses and checks a URL the proxy is asked to fetch: the `url` parameter (`base` absent; errors
 * are the asker's: 400) or a redirect's Location (resolved against `base`; errors are the
 * upstream's: 502). Both must be http(s) without credentials, and allowed by the list (403). A
 * host written as an IP address is judged here already, so `http://0177.0.0.1/` is refused as the
 * loopback address it is; host names are judged after DNS, in the connector.
 * `prefix` starts each message: "Cannot proxy " or "https://a.example/feed redirects to ".
 */
export function checkTarget(raw: string, base: URL | undefined, allowList: AllowList, prefix: string): URL {
  const malformed = base ? 502 : 400;
  if (raw.length > MAX_URL_LENGTH)
    throw new ProxyError(malformed, `${prefix}a URL longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new ProxyError(malformed, `${prefix}"${raw}": not an absolute URL`);
  }
  const refuse = (status: number, why: string) => new ProxyError(status, `${prefix}${url.href}: ${why}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse(malformed, 'only http and https feeds are proxied');
  if (url.username || url.password) throw refuse(malformed, 'URLs with a user name or password are refused');
  url.hash = '';
  if (isIP(url.hostname.replace(/^\[(.*)\]$/, '$1'))) {
    const { kind, what } = classifyAddress(url.hostname);
    if (kind === 'never' || (kind === 'local' && !allowList.namesOrigin(url.origin))) {
      throw refuse(403, `${url.hostname} is ${what}; the proxy does not connect there`);
    }
  }
  if (!allowList.allows(url)) throw refuse(403, "it is not in this proxy's allowFeed list (--allow-feed)");
  return url;
}
