// The script-tag loader: `<script type="module" src=".../loader.js">`. It defines each element the
// first time the page shows it, importing that element's chunk (relative to this file); a page of
// one ticker downloads the ticker, Lit and the feed core, never the other elements, the RSS/Atom
// reader (until a feed is XML) or a language it does not speak. Loaded twice, it does no harm:
// each tag is defined once.
import { lazyDefine } from './loader/lazy-define.js';

/**
 * Looks in `root` too, such as a shadow root attached to an element already on the page (which
 * the loader cannot see without patching `attachShadow`), and watches it for elements added later.
 */
export const watch = lazyDefine({
  'news-ticker': () => import('./loader/news-ticker.js'),
  'news-cards': () => import('./loader/news-cards.js'),
  'news-card': () => import('./loader/news-card.js'),
  'news-categories': () => import('./loader/news-categories.js'),
  'news-reviews': () => import('./loader/news-reviews.js'),
});
