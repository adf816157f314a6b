// The package's entry points, shared by the JS build (vite.config.ts) and the types build.
export const tags = ['news-ticker', 'news-cards', 'news-card', 'news-categories', 'news-reviews'];

/** npm entries, with lit left to the user's bundler. */
export const entries = {
  index: 'src/index.ts',
  xml: 'src/xml.ts',
  'define/index': 'src/define/index.ts',
  ...Object.fromEntries(tags.map((tag) => [`define/${tag}`, `src/define/${tag}.ts`])),
  'locales/ru': 'src/locales/ru.ts',
  'locales/az': 'src/locales/az.ts',
};
