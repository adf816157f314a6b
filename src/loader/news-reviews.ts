// What the loader imports on the first <news-reviews>: the element, and the languages it may need.
import './locales.js';
import '../define/news-reviews.js';
