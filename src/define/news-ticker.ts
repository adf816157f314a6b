import { NewsTicker } from '../elements/news-ticker/news-ticker.js';
import { defineElement } from './define-element.js';

defineElement('news-ticker', NewsTicker);

export { NewsTicker };
