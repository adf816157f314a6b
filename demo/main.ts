// The page's settings first, so the elements start in the chosen language and state.
import './page.js';
import '../src/locales/ru.js';
import '../src/locales/az.js';
import '../src/define/index.js';
