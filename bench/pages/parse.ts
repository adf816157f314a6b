// Parse + normalise a large feed, against JSON.parse of the same text. Each step is its own call so
// the bench can collect garbage between them and no step pays for the previous one's garbage.
import { parseFeed, type Feed, type Item } from '../../src/index.js';
import { makeFeed } from './lib/feed.js';

let text = '';
let feed: Feed | undefined;
// Results go somewhere observable, so no engine may skip the work.
let sink = 0;

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const bench = {
  /** Builds the feed text (not timed). */
  prepare(count: number) {
    text = JSON.stringify(makeFeed(count));
    feed = undefined;
    return { bytes: new TextEncoder().encode(text).length };
  },

  jsonParse() {
    return time(() => {
      sink += (JSON.parse(text) as { items: unknown[] }).items.length;
    });
  },

  /** `parseFeed` as a page calls it, text in, normalised feed out. */
  parseFeed() {
    const ms = time(() => {
      feed = parseFeed(text);
    });
    return { ms, items: feed?.items.length ?? 0 };
  },

  /**
   * Reads the first `count` items and their `.text`, as a widget showing them does: parseFeed
   * makes each item of a feed it read from text on first read, and `.text` of HTML content too.
   */
  readItems(count: number) {
    let items: Item[] = [];
    const ms = time(() => {
      items = feed?.items.slice(0, count) ?? [];
      for (const item of items) sink += item.text.length;
    });
    return { ms, items: items.length, sink };
  },
};

Object.defineProperty(window, 'bench', { value: bench });
