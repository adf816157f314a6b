// Why docs/frameworks.md's `isCustomElement` line: without it the SFC compiler takes <news-ticker> for a
// Vue component, and Vue warns while developing. (A production build, as on the Vue page, warns
// about nothing; this page is a development build.)
import { createApp } from 'vue';
import Unresolved from './Unresolved.vue';
import { results } from '../support';

const warnings: string[] = [];
const app = createApp(Unresolved);
app.config.warnHandler = (message) => void warnings.push(message);
app.mount('#app');
results.warnings = warnings;
results.done = true;
