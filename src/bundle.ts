// The one-file script-tag build: registers every element, speaks every shipped language, and
// exports what the root entry and `feedlets/xml` do (the RSS/Atom reader is in the file anyway).
import './define/index.js';
import './locales/ru.js';
import './locales/az.js';

export * from './api.js';
export * from './xml.js';
