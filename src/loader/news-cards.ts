// What the loader imports on the first <news-cards>: the element, and the languages it may need.
import './locales.js';
import '../define/news-cards.js';
