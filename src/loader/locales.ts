import { registerLazyStrings } from '../core/strings.js';

// Through the loader, a language's messages are imported when an element first needs them.
registerLazyStrings('ru', () => import('../locales/ru.js'));
registerLazyStrings('az', () => import('../locales/az.js'));
