// What the loader imports on the first <news-categories>: the element, and the languages it may need.
import './locales.js';
import '../define/news-categories.js';
