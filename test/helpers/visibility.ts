/**
 * Makes the page report `state` as its visibility and tells listeners, like a reader switching tabs.
 * Tests that poll need this even for 'visible': web-test-runner runs several test pages at once,
 * and a page in a background tab really is hidden.
 */
export function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Gives the page back its real visibility. */
export function restoreVisibility() {
  delete (document as { visibilityState?: unknown }).visibilityState;
}
