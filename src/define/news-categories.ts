import { NewsCategories } from '../elements/news-categories/news-categories.js';
import { defineElement } from './define-element.js';

defineElement('news-categories', NewsCategories);

export { NewsCategories };
