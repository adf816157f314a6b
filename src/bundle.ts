// The script-tag build: registers every element, speaks every shipped language, exports the API.
import './define/index.js';
import './locales/ru.js';
import './locales/az.js';

export * from './index.js';
