import { NewsCard } from '../elements/news-card/news-card.js';
import { defineElement } from './define-element.js';

defineElement('news-card', NewsCard);

export { NewsCard };
