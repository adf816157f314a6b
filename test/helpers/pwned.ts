/**
 * Defines `window.__pwned`, the function every hostile payload in `feeds.ts` would call if it ran,
 * and counts the calls. `settle()` waits until a broken image added now has fired its `error`
 * handler: an injected `<img onerror>` from the feed, added earlier, would have fired by then.
 */
export function watchPwned() {
  const target = window as unknown as { __pwned?: () => void };
  let calls = 0;
  target.__pwned = () => calls++;
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
    restore: () => {
      delete target.__pwned;
    },
  };
}
