export * from './news-ticker.js';
export * from './news-cards.js';
export * from './news-card.js';
export * from './news-categories.js';
export * from './news-reviews.js';
