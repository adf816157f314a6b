import { NewsReviews } from '../elements/news-reviews/news-reviews.js';
import { defineElement } from './define-element.js';

defineElement('news-reviews', NewsReviews);

export { NewsReviews };
