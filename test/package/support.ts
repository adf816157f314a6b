// What the framework pages share: the feeds they hand to the elements, and how they report.
export const results: Record<string, unknown> = {};
(window as unknown as { results: typeof results }).results = results;

/** A valid JSON Feed with one item, as an app would already hold it. */
export const makeFeed = (title: string) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title,
  items: [{ id: '1', title: `Headline set as a property from ${title}`, url: 'https://news.example/1' }],
});

/** An object that is not a JSON Feed: the element must fire `news-error` for it. */
export const notAFeed = { title: 'no version, no items' };

/**
 * Resolves once `ready()` holds, however long a busy machine takes: no deadline here.
 * scripts/test-package.mjs gives each page 30 s and reports `results.waitingFor`, the wait that never ended.
 */
export async function until(ready: () => unknown, what: string) {
  results.waitingFor = what;
  while (!ready()) await new Promise((r) => setTimeout(r, 20));
  delete results.waitingFor;
}

/** The text an element rendered into its shadow root. */
export const rendered = (element: Element | null) => element?.shadowRoot?.textContent ?? '';
