import { call, heapAfterGc, withPage } from '../harness/browser.mjs';
import { median, ms } from '../harness/stats.mjs';

const ITEMS = 10_000;
// What a widget typically shows; only these items (and their `.text`) are made when it renders.
const LIMIT = 10;

/** 1. `parseFeed` on a 10,000-item feed against `JSON.parse` of the same text, in a fresh page per run. */
export default {
  id: 'parse',
  title: `1. Parse + normalise a ${ITEMS.toLocaleString('en')}-item feed`,
  async run({ browser, origin, runs, longRuns, progress }) {
    const samples = { json: [], parse: [], ratio: [], first: [], all: [] };
    let bytes = 0;
    for (let run = 1; run <= runs; run++) {
      progress(`run ${run}/${runs}`);
      await withPage(browser, `${origin}/parse.html`, async (page, cdp) => {
        ({ bytes } = await call(page, 'prepare', ITEMS));
        // Collect garbage before each timing, so neither pays for the other's garbage.
        await heapAfterGc(cdp);
        const json = await call(page, 'jsonParse');
        await heapAfterGc(cdp);
        const parsed = await call(page, 'parseFeed');
        if (parsed.items !== ITEMS)
          throw new Error(`parseFeed kept ${parsed.items} of ${ITEMS} items: the generated feed is wrong`);
        samples.json.push(json);
        samples.parse.push(parsed.ms);
        samples.ratio.push(parsed.ms / json);
        samples.first.push((await call(page, 'readItems', LIMIT)).ms);
        // Seconds of work, and the same in every run: measured in the first few runs only.
        if (run <= longRuns) samples.all.push((await call(page, 'readItems', ITEMS)).ms);
      });
    }
    const ratio = median(samples.ratio);
    const size = `${(bytes / 1e6).toFixed(1)} MB`;
    return [
      {
        name: `parseFeed(text), ${ITEMS.toLocaleString('en')} items, ${size}`,
        result: ms(median(samples.parse)),
        baseline: `JSON.parse(text): ${ms(median(samples.json))}`,
        data: samples,
      },
      {
        name: 'parseFeed ÷ JSON.parse (median of per-run ratios)',
        result: `${ratio.toFixed(2)}×`,
        baseline: '1× by definition',
        target: '≤ 2×',
        met: ratio <= 2,
        data: { ratio },
      },
      {
        name: `reading the first ${LIMIT} items and their .text (each made, HTML turned into text, on first read)`,
        result: ms(median(samples.first)),
        baseline: `parseFeed: ${ms(median(samples.parse))}`,
      },
      {
        name: `reading all ${ITEMS.toLocaleString('en')} items and their .text (the work laziness skips; ${samples.all.length} runs)`,
        result: ms(median(samples.all)),
        baseline: `parseFeed: ${ms(median(samples.parse))}`,
      },
    ];
  },
};
