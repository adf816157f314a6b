import { NewsCards } from '../elements/news-cards/news-cards.js';
import { defineElement } from './define-element.js';

defineElement('news-cards', NewsCards);

export { NewsCards };
