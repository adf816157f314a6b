// Type-checked against the packed package, as a developer's code would be.
import 'feedlets/define/news-ticker';
import { parseFeed, type FeedErrorCode, type ReviewPayload } from 'feedlets';
import { watch } from 'feedlets/loader.js';
import { parseXmlFeed } from 'feedlets/xml';

const ticker = document.querySelector('news-ticker')!;
export const speed: number = ticker.speed;

ticker.addEventListener('news-error', (event) => {
  const code: FeedErrorCode = event.detail.error.code;
  console.warn(code);
});
ticker.addEventListener('news-load', (event) => console.warn(event.detail.feed.items.length));

// @ts-expect-error `speed` is typed as a number; were the types missing, this line would not error.
export const wrong: string = ticker.speed;

export const feed = parseFeed('{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}');

// The RSS/Atom reader is its own entry, which the root does not import.
export const xmlTitle: string | undefined = parseXmlFeed(
  '<rss version="2.0"><channel><title>t</title></channel></rss>',
).title;

// The loader's one export: a shadow root made after its host was added is handed over by the page.
export const watchShadow: (root: ShadowRoot) => void = watch;

// The review body is a type in feedlets (the schema that checks it is feedlets-server's).
export const review: ReviewPayload = {
  id: crypto.randomUUID(),
  item: 'https://news.example/1',
  rating: 5,
  text: 'Good.',
};
