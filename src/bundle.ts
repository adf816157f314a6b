// The script-tag build: registers every element, speaks every shipped language, exports what a
// page can use (api.ts: the root entry's API but for the server-side review schema).
import './define/index.js';
import './locales/ru.js';
import './locales/az.js';

export * from './api.js';
