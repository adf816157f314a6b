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

/** Waits (up to 2 s) until `ready()` holds; the checks then read the state whatever it is. */
export async function until(ready: () => unknown) {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 20));
}

/** The text an element rendered into its shadow root. */
export const rendered = (element: Element | null) => element?.shadowRoot?.textContent ?? '';
