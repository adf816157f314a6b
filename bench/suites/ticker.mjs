import { call, drive, metrics, sleep } from '../harness/browser.mjs';
import { median } from '../harness/stats.mjs';

const WINDOW = 2000; // ms sampled per condition: 120 frames at 60 Hz
const SETTLE = 500; // ms for animations, observers and visibility changes to take effect
const ITEMS = 20;
// "0" within measurement noise: at most one stray layout or style pass in a window.
const NONE = 1000 / WINDOW;
// CPU time allowed above the idle page, in ms per second: for the main thread, 1 ms/s; for the
// whole renderer, one tick of its 10 ms CPU clock per window. A composited transform animation in
// view costs about 2 ms/s on the main thread and 20 ms/s in the renderer here, so these separate
// "running" from "stopped".
const MAIN_NOISE = 1;
const RENDERER_NOISE = (10 * 1000) / WINDOW;

/**
 * Per second over `WINDOW` ms: layouts and style recalculations; main-thread busy time (wall time
 * of its tasks, `TaskDuration`) and CPU time (`ThreadTime`, which a loaded machine does not
 * inflate); CPU time of the whole renderer, compositor and raster threads included (`ProcessTime`).
 * Garbage from the previous condition is collected first, so it is not counted here.
 */
async function sample(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(SETTLE);
  const before = await metrics(cdp);
  await sleep(WINDOW);
  const after = await metrics(cdp);
  const seconds = after.Timestamp - before.Timestamp;
  const rate = (name) => (after[name] - before[name]) / seconds;
  return {
    layouts: rate('LayoutCount'),
    styles: rate('RecalcStyleCount'),
    busy: rate('TaskDuration') * 1000,
    cpu: rate('ThreadTime') * 1000,
    renderer: rate('ProcessTime') * 1000,
  };
}

const CONDITIONS = {
  idle: 'idle page, no element',
  left: 'control: marquee animating `left`',
  transform: 'reference: marquee animating `transform`',
  running: '`<news-ticker>` scrolling, in view',
  offscreen: '`<news-ticker>` scrolled out of view',
  hidden: '`<news-ticker>` in a hidden tab',
};

const describe = (s) =>
  `${s.layouts.toFixed(1)} layouts/s · ${s.styles.toFixed(1)} styles/s · main thread ${s.busy.toFixed(1)} ms/s busy, ` +
  `${s.cpu.toFixed(1)} ms/s CPU · renderer ${s.renderer.toFixed(1)} ms/s CPU`;

/**
 * 3. The ticker's cost while it runs, while off-screen and while its tab is hidden, as renderer
 * counters (CDP `Performance.getMetrics`). Runs in the browser's default context, where Playwright
 * does not emulate focus: opening a second tab there really hides the first.
 */
export default {
  id: 'ticker',
  title: '3. Ticker: layouts, style recalculations and CPU time per second',
  async run({ defaultContext, origin, longRuns: runs, progress }) {
    const samples = Object.fromEntries(Object.keys(CONDITIONS).map((key) => [key, []]));
    const states = [];
    for (let run = 1; run <= runs; run++) {
      progress(`run ${run}/${runs}`);
      const page = await defaultContext.newPage();
      try {
        await drive(page, `${origin}/elements.html`, async (cdp) => {
          await cdp.send('Performance.enable');
          samples.idle.push(await sample(cdp));
          for (const property of ['left', 'transform']) {
            const { animations } = await call(page, 'mountMarquee', property);
            if (!animations) throw new Error(`the ${property} marquee did not start its animation`);
            samples[property].push(await sample(cdp));
          }

          // Each state is read after its sample, once observers and visibility handlers have run.
          await call(page, 'mountTicker', ITEMS);
          samples.running.push(await sample(cdp));
          const shown = await call(page, 'tickerState');

          const { inViewport } = await call(page, 'scrollAway');
          if (inViewport) throw new Error('could not scroll the ticker out of view');
          samples.offscreen.push(await sample(cdp));
          const away = await call(page, 'tickerState');
          await call(page, 'scrollHome');

          // Another tab in front hides this one (document.visibilityState becomes "hidden").
          const other = await defaultContext.newPage();
          try {
            samples.hidden.push(await sample(cdp));
            const hidden = await call(page, 'tickerState');
            if (hidden.visibility !== 'hidden')
              throw new Error(`the ticker's tab stayed "${hidden.visibility}" behind another tab`);
            states.push({ shown, away, hidden });
          } finally {
            await other.close();
          }
        });
      } finally {
        await page.close();
      }
    }

    const med = (key) =>
      Object.fromEntries(
        ['layouts', 'styles', 'busy', 'cpu', 'renderer'].map((name) => [
          name,
          median(samples[key].map((s) => s[name])),
        ]),
      );
    const idle = med('idle');
    const idleText = `idle page: ${describe(idle)}`;
    const left = med('left');
    if (left.layouts < 10)
      throw new Error(`the control marquee showed ${left.layouts.toFixed(1)} layouts/s: the probe does not see layout`);

    // The ticker's own animations in each state: "running", "paused"... or none at all.
    const playStates = (state) =>
      [...new Set(states.map((s) => s[state].animations.map((a) => a.playState).join('+') || 'none'))].join(' / ');
    const animated = states.every((s) => s.shown.animations.some((a) => a.playState === 'running'));
    const stopped = (state) => states.every((s) => !s[state].animations.some((a) => a.playState === 'running'));
    const properties = [...new Set(states.flatMap((s) => s.shown.animations.flatMap((a) => a.properties)))];
    const noAnimation = "no running animation in the ticker's shadow root: nothing scrolls yet";
    const still = (m) =>
      m.layouts <= NONE &&
      m.styles <= NONE &&
      m.cpu <= idle.cpu + MAIN_NOISE &&
      m.renderer <= idle.renderer + RENDERER_NOISE;

    const row = (key, extra = {}) => ({
      name: CONDITIONS[key],
      result: describe(med(key)),
      baseline: idleText,
      data: { median: med(key), samples: samples[key] },
      ...extra,
    });
    const quiet = (key, state) =>
      row(key, {
        result: `${describe(med(key))} · animation ${playStates(state)}`,
        target: `0 work: no layout or style, CPU ≤ idle + ${MAIN_NOISE} ms/s (main thread) and + ${RENDERER_NOISE} ms/s (renderer), animation not running`,
        met: animated ? still(med(key)) && stopped(state) : null,
        why: noAnimation,
        data: { median: med(key), samples: samples[key], animations: states.map((s) => s[state].animations) },
      });
    return [
      row('idle', { baseline: '(the baseline)' }),
      row('left', { target: 'layout in every frame (proves the probe sees layout)', met: left.layouts >= 10 }),
      row('transform'),
      row('running', {
        name: `${CONDITIONS.running}${properties.length ? ` (animates ${properties.join(', ')})` : ''}`,
        result: `${describe(med('running'))} · animation ${playStates('shown')}`,
        target: '0 layouts/s',
        met: animated ? med('running').layouts <= NONE : null,
        why: noAnimation,
        data: { median: med('running'), samples: samples.running, animations: states.map((s) => s.shown.animations) },
      }),
      quiet('offscreen', 'away'),
      quiet('hidden', 'hidden'),
    ];
  },
};
