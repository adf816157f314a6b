/** Checks shared by the hostile-feed tests of every element. */

declare global {
  interface Window {
    __pwned?: () => void;
  }
}

/** Text that betrays a value rendered without a check. */
export const BROKEN_TEXT = /\b(?:null|undefined|NaN)\b|\[object Object\]|Invalid Date/;

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href'];

/** Every URL in `root` (and the shadow roots inside it) that a click or a load would follow. */
export function liveUrls(root: ParentNode): string[] {
  const urls: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null) urls.push(value);
    }
    if (el.shadowRoot) urls.push(...liveUrls(el.shadowRoot));
  }
  return urls;
}

/** Whether the browser would treat `url` as an ordinary web (or mail) address. */
export const isWebUrl = (url: string) =>
  ['http:', 'https:', 'mailto:'].includes(new URL(url, document.baseURI).protocol);

/**
 * Markup in `root` that could run script (script-bearing tags, `on*` handler attributes), as
 * strings: a failing assertion must not carry DOM nodes, which the runner cannot send back.
 */
export function activeMarkup(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')]
    .filter(
      (el) =>
        ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'frame'].includes(el.localName) ||
        [...el.attributes].some((attr) => attr.name.startsWith('on')),
    )
    .map((el) => el.outerHTML.slice(0, 200));
}

/**
 * Defines `window.__pwned`, the function every hostile payload in `feeds.ts` would call if it ran,
 * and counts the calls. `settle()` waits until a broken image added now has fired its `error`
 * handler: an injected `<img onerror>` from the feed, added earlier, would have fired by then.
 */
export function watchPwned() {
  let calls = 0;
  window.__pwned = () => {
    calls++;
  };
  return {
    get calls() {
      return calls;
    },
    settle: () =>
      new Promise<void>((resolve) => {
        const probe = new Image();
        probe.onerror = probe.onload = () => resolve();
        probe.src = `/__missing-${Math.random()}.png`;
      }),
    restore() {
      delete window.__pwned;
    },
  };
}
