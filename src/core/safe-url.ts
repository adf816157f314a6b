const WEB = new Set(['http:', 'https:']);
const WEB_AND_MAIL = new Set(['http:', 'https:', 'mailto:']);

/**
 * Written "scheme://…": the URL parser then never reads the base (it ignores it after a scheme and
 * two slashes), so parsing the value alone gives the same URL and spares parsing the base again.
 * This only chooses what is parsed: the scheme is still read by the parser, never from here.
 */
const NEEDS_NO_BASE = /^[a-z][a-z\d+.-]*:\/\//i;

function check(value: unknown, base: string | undefined, mailto: boolean): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  return (mailto ? WEB_AND_MAIL : WEB).has(url.protocol) ? url.href : undefined;
}

/**
 * Resolves `value` against `base` and returns it only if the browser's own URL parser sees an
 * allowed scheme (http and https, plus mailto when `mailto` is set). Anything else, including
 * `javascript:` hidden behind tabs, control characters or mixed case, gives `undefined`.
 */
export function safeUrl(value: unknown, base?: string, mailto = false): string | undefined {
  return check(value, base ?? document.baseURI, mailto);
}

/**
 * {@link safeUrl} for the many URLs of one feed, against one base (the document's, read once, when
 * absent): each distinct string is parsed once, as author and image URLs repeat from item to item.
 * Made per feed and dropped with it, so nothing outlives the parse.
 */
export function safeUrls(base = document.baseURI) {
  // The parser refuses every URL against a base it cannot parse, with a scheme or without.
  const valid = URL.canParse(base);
  // `null` remembers a refusal; one map per mode, since mailto changes the answer.
  const memo = [new Map<string, string | null>(), new Map<string, string | null>()];
  return (value: unknown, mailto = false): string | undefined => {
    if (typeof value !== 'string' || !valid) return undefined;
    const seen = memo[+mailto]!;
    let url = seen.get(value);
    if (url === undefined)
      seen.set(value, (url = check(value, NEEDS_NO_BASE.test(value) ? undefined : base, mailto) ?? null));
    return url ?? undefined;
  };
}
