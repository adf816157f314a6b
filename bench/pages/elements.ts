// The elements as a page uses them (the production build of `src/define`), driven through their
// public API only: attributes and properties, `feed`, `updateComplete`, `news-load`/`news-error`.
import '../../src/define/index.js';
import { afterPaint, delay, paintedText, shadowRoots } from './lib/dom.js';
import { firstWords, makeFeed } from './lib/feed.js';

type Tag = 'news-ticker' | 'news-cards' | 'news-categories' | 'news-reviews';
const TAGS: Tag[] = ['news-ticker', 'news-cards', 'news-categories', 'news-reviews'];

const stage = document.getElementById('stage')!;
const kindOf = (tag: string) => (tag === 'news-reviews' ? 'reviews' : 'news');

/** Resolves on the element's first `news-load`, rejects on `news-error` or after `timeout` ms. */
function loaded(el: Element, timeout = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      el.removeEventListener('news-load', onLoad);
      el.removeEventListener('news-error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onLoad = () => done();
    const onError = (event: Event) =>
      done(new Error(`<${el.localName}> news-error: ${(event as CustomEvent<{ error: Error }>).detail.error.message}`));
    const timer = setTimeout(
      () => done(new Error(`<${el.localName}> sent no news-load within ${timeout / 1000} s`)),
      timeout,
    );
    el.addEventListener('news-load', onLoad);
    el.addEventListener('news-error', onError);
  });
}

/** The animations in the element's shadow root: their state and the properties they animate. */
function animationsOf(el: Element) {
  return (el.shadowRoot?.getAnimations() ?? []).map((animation) => ({
    playState: animation.playState,
    properties: [
      ...new Set(
        (animation.effect as KeyframeEffect | null)
          ?.getKeyframes()
          .flatMap((frame) => Object.keys(frame))
          .filter((key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key)),
      ),
    ],
  }));
}

/**
 * The memory suite's positive control: an element that leaks, on purpose, everything the suite
 * looks for (itself, a listener on window and on a media query, an interval, a request that never
 * ends), so a run shows the probes do see leaks.
 */
class LeakyWidget extends HTMLElement {
  static readonly kept: LeakyWidget[] = [];
  src = '';
  connectedCallback() {
    LeakyWidget.kept.push(this);
    addEventListener('resize', () => this.remove());
    matchMedia('(min-width: 1px)').addEventListener('change', () => this.remove());
    setInterval(() => this.isConnected, 60_000);
    void fetch(this.src).catch(() => {});
  }
}
customElements.define('bench-leaky', LeakyWidget);

let mutations = 0;
let observer: MutationObserver | undefined;
let loadEvents = 0;
stage.addEventListener('news-load', () => loadEvents++);

const bench = {
  /**
   * Milliseconds from a feed in memory (the `feed` property of a new element) to the frame that
   * first shows its first headline, and the same wait with nothing to render (the baseline).
   */
  async firstPaint(tag: Tag, count: number) {
    const feed = makeFeed(count, kindOf(tag));
    // Both timings start just after a frame was drawn, at the same phase of the frame cycle.
    await afterPaint();
    let start = performance.now();
    const baseline = (await afterPaint()) - start;
    await afterPaint();
    start = performance.now();
    const el = document.createElement(tag);
    el.feed = feed;
    const failed = new Promise<never>((_, reject) =>
      el.addEventListener('news-error', (event) =>
        reject(new Error(`<${tag}> news-error: ${event.detail.error.message}`)),
      ),
    );
    stage.append(el);
    const painted = await Promise.race([paintedText(el, firstWords(feed)), failed]);
    return { ms: painted - start, baseline };
  },

  /** A ticker at the top of a long page, shown and painted. */
  async mountTicker(count: number) {
    bench.clear();
    const feed = makeFeed(count);
    const el = document.createElement('news-ticker');
    el.feed = feed;
    stage.append(el);
    await paintedText(el, firstWords(feed));
  },

  /** A plain marquee animating `transform` (the best case) or `left` (layout in every frame). */
  async mountMarquee(property: 'transform' | 'left') {
    bench.clear();
    const strip = document.createElement('div');
    strip.className = `marquee ${property}`;
    strip.append(
      Object.assign(document.createElement('span'), {
        textContent: makeFeed(20)
          .items.map((item) => item.title)
          .join(' · '),
      }),
    );
    stage.append(strip);
    await afterPaint();
    return { animations: document.getAnimations().filter((a) => a.playState === 'running').length };
  },

  tickerState() {
    const el = stage.querySelector('news-ticker');
    const box = el?.getBoundingClientRect();
    return {
      present: !!el,
      animations: el ? animationsOf(el) : [],
      inViewport: !!box && box.bottom > 0 && box.top < innerHeight,
      visibility: document.visibilityState,
    };
  },

  /** Scrolls the page so far down that the stage is out of view. */
  async scrollAway() {
    scrollTo(0, document.documentElement.scrollHeight);
    await afterPaint();
    return bench.tickerState();
  },

  async scrollHome() {
    scrollTo(0, 0);
    await afterPaint();
  },

  clear() {
    observer?.disconnect();
    stage.replaceChildren();
    scrollTo(0, 0);
  },

  /** `count` widgets of every kind in turn, all reading `src`; resolves when each has its feed. */
  async mountWidgets(src: string, count: number, refresh: number) {
    bench.clear();
    const widgets = Array.from({ length: count }, (_, i) => {
      const el = document.createElement(TAGS[i % TAGS.length]!);
      el.src = src;
      el.refresh = refresh;
      return el;
    });
    const all = Promise.all(widgets.map((el) => loaded(el)));
    stage.append(...widgets);
    await all;
    await afterPaint();
    return { widgets: widgets.map((el) => el.localName) };
  },

  /** Starts counting DOM mutations in every shadow root on the stage, and `news-load` events. */
  observe() {
    observer?.disconnect();
    mutations = 0;
    loadEvents = 0;
    observer = new MutationObserver((records) => (mutations += records.length));
    const roots = shadowRoots(stage);
    for (const root of roots)
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    return { roots: roots.length };
  },

  /** What happened since `observe()`, after letting any pending render reach the screen. */
  async observed() {
    await afterPaint();
    mutations += observer?.takeRecords().length ?? 0;
    return { mutations, loadEvents };
  },

  /**
   * Creates, attaches and removes `count` elements, in three ways: half get `feed`; four in ten get
   * a `src` that is still loading when they go (the request must be aborted); one in ten a `src`
   * they finish loading first (a refresh timer is then armed and must be cleared). `div` is the
   * baseline: the same loop and the same fetches with no element. `bench-leaky` is the control.
   */
  async cycles(tag: Tag | 'div' | 'bench-leaky', count: number, src: string) {
    const feed = makeFeed(10, kindOf(tag));
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const way = i % 10 === 9 ? 'load' : i % 2 ? 'abort' : 'feed';
      // A first visit: the store's saved copy would otherwise answer at once.
      if (way === 'load') sessionStorage.clear();
      if (tag === 'div' || tag === 'bench-leaky') {
        const el = document.createElement(tag);
        if (el instanceof LeakyWidget) el.src = src;
        else
          el.textContent =
            way === 'load' ? await (await fetch(src)).text() : feed.items.map((item) => item.title).join(' ');
        stage.append(el);
        await Promise.resolve();
        el.remove();
        continue;
      }
      const el = document.createElement(tag);
      if (way === 'feed') el.feed = feed;
      else {
        el.src = src;
        el.refresh = 60;
      }
      const arrived = way === 'load' ? loaded(el) : undefined;
      stage.append(el);
      await el.updateComplete;
      if (arrived) {
        await arrived;
        await el.updateComplete;
      }
      el.remove();
    }
    return { ms: performance.now() - start };
  },

  /** Lets aborted requests and disconnect callbacks run to the end. */
  settle: (ms: number) => delay(ms),
};

Object.defineProperty(window, 'bench', { value: bench });
