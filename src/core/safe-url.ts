const WEB = new Set(['http:', 'https:']);
const WEB_AND_MAIL = new Set(['http:', 'https:', 'mailto:']);

/**
 * Resolves `value` against `base` and returns it only if the browser's own URL parser sees an
 * allowed scheme (http and https, plus mailto when `mailto` is set). Anything else, including
 * `javascript:` hidden behind tabs, control characters or mixed case, gives `undefined`.
 */
export function safeUrl(value: unknown, base?: string, mailto = false): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value, base ?? document.baseURI);
  } catch {
    return undefined;
  }
  return (mailto ? WEB_AND_MAIL : WEB).has(url.protocol) ? url.href : undefined;
}
