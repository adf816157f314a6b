import { call, sleep, withPage } from '../harness/browser.mjs';
import { kb, median } from '../harness/stats.mjs';

const WIDGETS = 8;
const REFRESH = 1; // seconds: the shortest period the attribute takes
const WAIT = 5000; // ms to wait for a refresh request before failing

/** Resolves with the first request for `url` after the first `seen` that has finished. */
async function nextRequest(server, url, seen) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const next = server.requests(url)[seen];
    if (next && !next.open) return next;
    if (Date.now() > deadline)
      throw new Error(`no refresh request for ${url} within ${WAIT / 1000} s (refresh="${REFRESH}")`);
    await sleep(20);
  }
}

/**
 * 4. Eight widgets reading one URL, counted at the server; then one refresh of an unchanged feed
 * (status, bytes on the wire, DOM mutations in the widgets' shadow roots) and, as the control
 * that proves mutations are seen, one refresh after the feed was edited.
 */
export default {
  id: 'requests',
  title: '4. Requests: 8 widgets on one URL, and refreshes',
  async run({ browser, server, origin, runs, progress }) {
    const samples = { loads: [], firstBytes: [], unchanged: [], edited: [] };
    for (let run = 1; run <= runs; run++) {
      progress(`run ${run}/${runs}`);
      // A URL per run: the server's log and its ETags start fresh.
      const url = `/feeds/shared-${run}.json?items=30`;
      await withPage(browser, `${origin}/elements.html`, async (page) => {
        await call(page, 'mountWidgets', url, WIDGETS, REFRESH);
        // First loads carry no If-None-Match; refreshes do.
        const loads = server.requests(url).filter((request) => !request.conditional);
        samples.loads.push(loads.length);
        samples.firstBytes.push(loads[0]?.bytes ?? NaN);

        for (const edited of [false, true]) {
          if (edited) server.edit(url);
          await call(page, 'observe');
          const request = await nextRequest(server, url, server.requests(url).length);
          // Time for a changed feed to be read and rendered, with a wide margin.
          await sleep(300);
          const seen = await call(page, 'observed');
          samples[edited ? 'edited' : 'unchanged'].push({
            status: request.status,
            bytes: request.bytes,
            conditional: request.conditional,
            ...seen,
          });
        }
      });
    }
    const pick = (list, key) => median(list.map((entry) => entry[key]));
    const statuses = (list) => [...new Set(list.map((entry) => entry.status))].join(', ');
    const loads = median(samples.loads);
    const unchanged = {
      bytes: pick(samples.unchanged, 'bytes'),
      mutations: pick(samples.unchanged, 'mutations'),
      loadEvents: pick(samples.unchanged, 'loadEvents'),
    };
    const edited = { bytes: pick(samples.edited, 'bytes'), mutations: pick(samples.edited, 'mutations') };
    const allNotModified = samples.unchanged.every((entry) => entry.status === 304);
    return [
      {
        name: `${WIDGETS} widgets (2 of each element) with one src → requests at the server`,
        result: `${loads} request${loads === 1 ? '' : 's'} (runs: ${samples.loads.join(', ')})`,
        baseline: `${WIDGETS} widgets`,
        target: '1 request',
        met: samples.loads.every((n) => n === 1),
        data: samples.loads,
      },
      {
        name: 'refresh of an unchanged feed → response status',
        result: statuses(samples.unchanged),
        baseline: 'first load: 200',
        target: '304',
        met: allNotModified,
        data: samples.unchanged,
      },
      {
        name: 'refresh of an unchanged feed → bytes on the wire (headers + body)',
        result: kb(unchanged.bytes),
        baseline: `first load: ${kb(median(samples.firstBytes))}`,
        data: { unchanged: unchanged.bytes, firstLoad: samples.firstBytes },
      },
      {
        name: 'refresh of an unchanged feed → DOM mutations in the shadow roots; news-load events',
        result: `${unchanged.mutations} mutations; ${unchanged.loadEvents} events`,
        baseline: `edited feed (control): ${edited.mutations} mutations, ${statuses(samples.edited)}, ${kb(edited.bytes)}`,
        target: '0 mutations',
        met: samples.unchanged.every((entry) => entry.mutations === 0),
        data: samples,
      },
      {
        name: 'control: refresh of an edited feed → mutations (proves the observer counts)',
        result: `${edited.mutations} mutations`,
        baseline: 'unchanged feed: 0 expected',
        target: '> 0',
        met: samples.edited.every((entry) => entry.mutations > 0 && entry.status === 200),
        data: samples.edited,
      },
    ];
  },
};
