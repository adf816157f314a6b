// Svelte 5: News.svelte is docs/frameworks.md's snippet, compiled by @sveltejs/vite-plugin-svelte and
// mounted twice: with a feed, and with an object that is not one (whose handler must warn).
import type { NewsCards } from 'feedlets';
import { mount } from 'svelte';
import News from './News.svelte';
import { makeFeed, notAFeed, rendered, results, until } from '../support';

const feed = makeFeed('Svelte');
const warned: unknown[] = [];
const warn = console.warn;
console.warn = (...args) => (warned.push(...args), warn(...args));

mount(News, { target: document.getElementById('good')!, props: { feed } });
mount(News, { target: document.getElementById('bad')!, props: { feed: notAFeed } });

const good = document.querySelector<NewsCards>('#good news-cards')!;
await until(
  () => warned.length && rendered(good).includes('from Svelte'),
  'the Svelte cards to render and the warning for the object that is not a feed',
);
results.warned = warned;
results.sameFeed = good.feed === feed && !good.hasAttribute('feed');
results.layout = good.layout;
results.rendered = rendered(good).includes('Headline set as a property from Svelte');
results.done = true;
