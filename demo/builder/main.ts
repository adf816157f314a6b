// The embed builder's page: every element, every shipped language, and the manifest the controls
// are made from (`npm run analyze` writes it; `npm start` runs that first).
import '../../src/define/index.js';
import '../../src/locales/ru.js';
import '../../src/locales/az.js';
import { EmbedBuilder } from './builder.js';
import { feedElements } from './manifest.js';

const samples = {
  'news-reviews': [{ label: 'This demo server’s reviews (JSON Feed)', url: '/api/reviews.json' }],
  '*': [
    { label: 'Feedlets Daily (JSON Feed)', url: 'feeds/news.json' },
    { label: 'Feedlets Daily (RSS 2.0)', url: 'feeds/news.rss' },
    { label: 'Feedlets Daily (Atom)', url: 'feeds/news.atom' },
  ],
};

const root = document.querySelector<HTMLElement>('#builder')!;
try {
  // One path for `npm start` (served from the project root) and the tests (served beside demo/).
  const response = await fetch(new URL('../custom-elements.json', location.href));
  if (!response.ok) throw new Error(`custom-elements.json: ${response.status}. Run \`npm run analyze\` first.`);
  const elements = feedElements(await response.json());
  const builder = new EmbedBuilder(root, { elements, samples, script: '/dist/loader.js' });
  root.setAttribute('aria-busy', 'false');
  root.dispatchEvent(new CustomEvent('builder-ready', { detail: builder, bubbles: true }));
} catch (error) {
  root.setAttribute('aria-busy', 'false');
  root.textContent = `The builder could not start: ${(error as Error).message}`;
  console.error(error);
}
