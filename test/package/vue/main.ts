// Vue 3: the SFC is compiled by @vitejs/plugin-vue; then the page reads what reached the elements.
import 'feedlets/define/news-ticker';
import 'feedlets/define/news-cards';
import type { NewsCards, NewsTicker } from 'feedlets';
import { createApp } from 'vue';
import App from './App.vue';
import { rendered, results, until } from '../support';

createApp(App).mount('#app');

const ticker = document.querySelector<NewsTicker>('news-ticker')!;
const cards = document.querySelector<NewsCards>('news-cards')!;
await until(
  () => results.errorCode && rendered(cards).includes('from Vue'),
  'the Vue cards to render and news-error for the missing feed',
);
results.speed = ticker.speed;
results.feedIsProperty = typeof cards.feed === 'object' && !cards.hasAttribute('feed');
results.layout = cards.layout;
results.rendered = rendered(cards).includes('Headline set as a property from Vue');
results.done = true;
