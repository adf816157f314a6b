import { call, heapAfterGc, liveObjects, windowListeners, withPage } from '../harness/browser.mjs';
import { median, signedKb } from '../harness/stats.mjs';

const TAGS = ['news-ticker', 'news-cards', 'news-categories', 'news-reviews'];
const CYCLES = 1000;
// The leaky control needs few cycles to show its leaks.
const CONTROL = 'bench-leaky';
const CONTROL_CYCLES = 100;
// One-time costs (prepared templates, adopted styles, cached formatters, and most of the engine's
// optimised code) are paid here, not counted.
const WARM_UP = 200;
// Heap the loop may keep beyond the baseline's. Even after the warm-up, the engine keeps some
// 40-50 KB of one-time state over the next thousand cycles (see README), while a leaked element
// with its shadow DOM holds kilobytes: 1,000 of them would be megabytes.
const HEAP_NOISE = 256 * CYCLES;

/** Everything that could outlive the elements, after garbage collection. */
async function leftovers(page, cdp, server, tag, url) {
  // Resource Timing keeps an entry per fetch for the page to read: bookkeeping, not a leak.
  await page.evaluate(() => performance.clearResourceTimings());
  const heap = await heapAfterGc(cdp);
  const prototype = tag === 'div' ? 'HTMLDivElement.prototype' : `customElements.get(${JSON.stringify(tag)}).prototype`;
  const alive = await liveObjects(cdp, prototype);
  const probe = await page.evaluate(() => globalThis.__benchProbe.snapshot());
  return { heap, alive, listeners: await windowListeners(cdp), serverOpen: server.open(url).length, ...probe };
}

const left = (before, after) => ({
  heap: after.heap - before.heap,
  alive: after.alive - before.alive,
  timers: after.timers - before.timers + (after.frames - before.frames) + (after.idle - before.idle),
  listeners: after.listeners - before.listeners + (after.mediaQueryListeners - before.mediaQueryListeners),
  requests: after.fetching - before.fetching + (after.serverOpen - before.serverOpen),
  sites: after.sites,
});

const describe = (r) =>
  `${r.alive} alive · heap ${signedKb(r.heap)} · ${r.timers} timers · ${r.listeners} listeners · ${r.requests} requests`;

/**
 * 5. 1,000 create/attach/detach cycles per element in a fresh page, then what is left: JS heap
 * after forced GC, outstanding timers and frames, listeners on window/document/media queries, and
 * requests still open. The baseline is the same loop (and the same fetches) with plain divs.
 */
export default {
  id: 'memory',
  title: `5. Memory: ${CYCLES.toLocaleString('en')} create/attach/detach cycles per element (counts: worst run; heap: median)`,
  async run({ browser, server, origin, longRuns: runs, progress }) {
    const all = ['div', ...TAGS, CONTROL];
    const samples = Object.fromEntries(all.map((tag) => [tag, []]));
    for (let run = 1; run <= runs; run++) {
      for (const tag of all) {
        progress(`run ${run}/${runs}: ${tag}`);
        const url =
          tag === CONTROL
            ? '/hang'
            : `/feeds/memory-${tag}.json?items=10&kind=${tag === 'news-reviews' ? 'reviews' : 'news'}`;
        const cycles = tag === CONTROL ? CONTROL_CYCLES : CYCLES;
        const result = await withPage(
          browser,
          `${origin}/elements.html`,
          async (page, cdp) => {
            await call(page, 'cycles', tag, WARM_UP, url);
            await call(page, 'settle', 300);
            const before = await leftovers(page, cdp, server, tag, url);
            const { ms } = await call(page, 'cycles', tag, cycles, url);
            // Teardown (unsubscribe, abort) runs in microtasks and network callbacks after removal.
            await call(page, 'settle', 500);
            return { ms, ...left(before, await leftovers(page, cdp, server, tag, url)) };
          },
          { instrument: true },
        );
        samples[tag].push(result);
      }
    }
    // Counts: the worst run (one leak is one too many); heap: the median.
    const summary = (tag) => ({
      heap: median(samples[tag].map((s) => s.heap)),
      alive: Math.max(...samples[tag].map((s) => s.alive)),
      timers: Math.max(...samples[tag].map((s) => s.timers)),
      listeners: Math.max(...samples[tag].map((s) => s.listeners)),
      requests: Math.max(...samples[tag].map((s) => s.requests)),
    });
    const baseline = summary('div');
    const control = summary(CONTROL);
    const rows = TAGS.map((tag) => {
      const r = summary(tag);
      return {
        name: `\`<${tag}>\` × ${CYCLES.toLocaleString('en')}`,
        result: describe(r),
        baseline: `divs: ${describe(baseline)}`,
        target: `nothing left: 0 alive, timers, listeners, requests; heap ≤ baseline + ${HEAP_NOISE / 1024} KB`,
        met:
          r.alive <= 0 && r.timers <= 0 && r.listeners <= 0 && r.requests <= 0 && r.heap <= baseline.heap + HEAP_NOISE,
        data: { median: r, baseline, samples: samples[tag], baselineSamples: samples.div },
      };
    });
    rows.push({
      name: `control: a deliberately leaky element × ${CONTROL_CYCLES}`,
      result: describe(control),
      baseline: `divs: ${describe(baseline)}`,
      target: 'every probe sees its leak (all > 0)',
      met: control.alive > 0 && control.timers > 0 && control.listeners > 0 && control.requests > 0,
      data: { median: control, samples: samples[CONTROL] },
    });
    return rows;
  },
};
