// What the loader imports on the first <news-card>: the element, and the languages it may need.
import './locales.js';
import '../define/news-card.js';
