import { config, custom, object } from 'zod/mini';

// Zod probes `new Function` to speed up objects; a strict Content-Security-Policy reports that
// probe as a violation, and feeds are small enough not to need it.
config({ jitless: true });

const VERSION = /^https?:\/\/(?:www\.)?jsonfeed\.org\/version\/1/i;

/**
 * What makes JSON a JSON Feed, and all that Zod decides: a version URL and a list of items.
 * Every other field is read where it is used, in `parseFeed`: real feeds put null, numbers and
 * lists where text belongs, and a wrong field is dropped, never the item or the feed.
 */
export const feedSchema = object({
  version: custom<string>((version) => typeof version === 'string' && VERSION.test(version)),
  // A list, not checked item by item: `parseFeed` reads each item in place and skips what it cannot show.
  items: custom<unknown[]>((items) => Array.isArray(items)),
});

