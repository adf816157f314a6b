const VERSION = /^https?:\/\/(?:www\.)?jsonfeed\.org\/version\/1/i;

/** JSON that passed {@link jsonFeedProblem}: a version URL and a list of items. */
export interface JsonFeedShape {
  version: string;
  items: unknown[];
  [key: string]: unknown;
}

/**
 * What keeps `data` from being a JSON Feed, or `undefined` when it is one: a version URL and a list
 * of items are all that is checked here. Every other field is read where it is used, in
 * `parseFeed`: real feeds put null, numbers and lists where text belongs, and a wrong field is
 * dropped, never the item or the feed.
 */
export function jsonFeedProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return 'expected an object with `version` and `items`';
  const { version, items } = data as Partial<JsonFeedShape>;
  if (typeof version !== 'string' || !VERSION.test(version)) {
    return '`version` must be a JSON Feed version URL such as https://jsonfeed.org/version/1.1';
  }
  if (!Array.isArray(items)) return '`items` must be an array';
  return undefined;
}
