// What the loader imports on the first <news-ticker>: the element, and the languages it may need.
import './locales.js';
import '../define/news-ticker.js';
