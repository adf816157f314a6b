import { call, withPage } from '../harness/browser.mjs';
import { median, ms } from '../harness/stats.mjs';

const TAGS = ['news-ticker', 'news-cards', 'news-categories', 'news-reviews'];
const SIZES = [10, 1000];

/**
 * 2. Feed in memory → first painted headline, per element and size, each in a fresh page (a page
 * meets the element once: its first render pays for template preparation and style adoption).
 */
export default {
  id: 'paint',
  title: '2. Feed in memory (`feed` property) → first painted headline',
  async run({ browser, origin, runs, progress }) {
    const samples = new Map();
    // The browser's first page pays for starting a renderer and loading fonts: not the element's cost.
    await withPage(browser, `${origin}/elements.html`, (page) => call(page, 'firstPaint', TAGS[0], SIZES[0]));
    for (let run = 1; run <= runs; run++) {
      progress(`run ${run}/${runs}`);
      for (const tag of TAGS) {
        for (const size of SIZES) {
          const result = await withPage(browser, `${origin}/elements.html`, (page) =>
            call(page, 'firstPaint', tag, size),
          );
          const key = `${tag} ${size}`;
          if (!samples.has(key)) samples.set(key, { ms: [], baseline: [] });
          samples.get(key).ms.push(result.ms);
          samples.get(key).baseline.push(result.baseline);
        }
      }
    }
    return [...samples].map(([key, data]) => {
      const [tag, size] = key.split(' ');
      return {
        name: `\`<${tag}>\`, ${Number(size).toLocaleString('en')} items`,
        result: ms(median(data.ms)),
        baseline: `empty frame round trip: ${ms(median(data.baseline))}`,
        data,
      };
    });
  },
};
