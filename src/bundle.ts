// The one-file script-tag build: registers every element, speaks every shipped language, and
// exports what the root entry does.
import './define/index.js';
import './locales/ru.js';
import './locales/az.js';

export * from './api.js';
