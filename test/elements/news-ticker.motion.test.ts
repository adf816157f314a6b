import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../src/define/news-ticker.js';
import type { NewsTicker } from '../../src/elements/news-ticker/news-ticker.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import {
  animationOf,
  clickOn,
  duplicate,
  frames,
  headlines,
  focused,
  hover,
  inView,
  left,
  pauseButton,
  tabUntil,
  untilPlayState,
  untilRunning,
  viewport,
} from '../helpers/ticker.js';

const feed = (n = 6) => jsonFeed(newsItems(n));
const duration = (el: NewsTicker) => Number(animationOf(el)!.effect!.getComputedTiming().duration);
const listWidth = (el: NewsTicker) => headlines(el)[0]!.closest('[part~="list"]')!.getBoundingClientRect().width;

/**
 * Runs the ticker past its first loop (where the pixel offset and the clock part ways), then
 * pauses it with the attribute.
 */
async function runAndPause(el: NewsTicker) {
  // A loop takes the animation's duration, about a second here: longer than waitUntil's default.
  const loop = duration(el);
  await waitUntil(
    () => Number(animationOf(el)!.effect!.getComputedTiming().currentIteration) >= 1,
    'the ticker never looped',
    {
      timeout: 2 * loop + 1000,
    },
  );
  el.paused = true;
  await untilPlayState(el, 'paused');
}

describe('<news-ticker> motion', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('scrolls the headlines towards the inline start', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${feed()}></news-ticker>`);
    await untilRunning(el);
    const start = left(headlines(el)[0]!);
    await waitUntil(() => left(headlines(el)[0]!) < start - 2, 'the headlines did not move left');
  });

  it('scrolls the other way in a right-to-left page', async () => {
    const page = await fixture<HTMLElement>(html`<div dir="rtl"><news-ticker .feed=${feed()}></news-ticker></div>`);
    const el = page.querySelector('news-ticker')!;
    await untilRunning(el);
    const first = headlines(el)[0]!;
    const start = first.getBoundingClientRect().right;
    await waitUntil(() => first.getBoundingClientRect().right > start + 2, 'the headlines did not move right');
    // The loop's copy follows on the left, where the headlines come from.
    expect(left(duplicate(el)!)).to.be.below(left(headlines(el)[0]!.closest('[part~="list"]')!));
  });

  it('follows its own dir attribute too', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker dir="rtl" .feed=${feed()}></news-ticker>`);
    await untilRunning(el);
    const first = headlines(el)[0]!;
    const start = first.getBoundingClientRect().right;
    await waitUntil(() => first.getBoundingClientRect().right > start + 2, 'the headlines did not move right');
  });

  it('animates only transform, on the compositor, with no DOM, style or layout change per frame', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${feed()}></news-ticker>`);
    await untilRunning(el);
    const animations = el.shadowRoot!.getAnimations();
    expect(animations.length, 'animations').to.equal(1);
    for (const keyframe of (animations[0]!.effect as KeyframeEffect).getKeyframes()) {
      const properties = Object.keys(keyframe).filter(
        (key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key),
      );
      expect(properties).to.deep.equal(['transform']);
    }

    const changes: MutationRecord[] = [];
    const watcher = new MutationObserver((records) => changes.push(...records));
    watcher.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true, characterData: true });
    watcher.observe(el, { attributes: true });
    const shifts: PerformanceEntry[] = [];
    const layout = new PerformanceObserver((list) => shifts.push(...list.getEntries()));
    layout.observe({ type: 'layout-shift' });
    const first = headlines(el)[0]!;
    const before = { seen: left(first), laidOut: first.offsetLeft };
    await frames(10);
    await waitUntil(() => left(first) < before.seen - 2, 'the headlines did not move');
    watcher.disconnect();
    layout.disconnect();
    expect(changes.length, 'DOM or attributes changed while scrolling').to.equal(0);
    expect(shifts.length, 'layout shifted while scrolling').to.equal(0);
    expect(first.offsetLeft, 'the layout position changed').to.equal(before.laidOut);
  });

  it('keeps the same speed whatever the length of the headlines', async () => {
    const page = await fixture<HTMLElement>(html`<div style="width: 320px">
      <news-ticker speed="100" .feed=${feed(3)}></news-ticker>
      <news-ticker speed="100" .feed=${feed(12)}></news-ticker>
    </div>`);
    const [short, long] = [...page.querySelectorAll('news-ticker')] as [NewsTicker, NewsTicker];
    await untilRunning(short);
    await untilRunning(long);
    expect(listWidth(long)).to.be.above(3 * listWidth(short));
    // One loop moves one copy of the headlines: its width, at 100 px per second.
    expect(duration(short)).to.be.closeTo((listWidth(short) / 100) * 1000, 1);
    expect(duration(long)).to.be.closeTo((listWidth(long) / 100) * 1000, 1);
    expect(duration(long) / duration(short)).to.be.closeTo(listWidth(long) / listWidth(short), 0.001);
  });

  it('falls back to 60 px per second for a speed it cannot use', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker speed="fast" .feed=${feed(3)}></news-ticker>`);
    await untilRunning(el);
    expect(duration(el)).to.be.closeTo((listWidth(el) / 60) * 1000, 1);
    el.speed = -5;
    await el.updateComplete;
    expect(duration(el)).to.be.closeTo((listWidth(el) / 60) * 1000, 1);
  });

  it('changes speed without a jump', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker speed="1000" .feed=${feed()}></news-ticker>`);
    await untilRunning(el);
    const slow = duration(el);
    await runAndPause(el);
    const seen = left(headlines(el)[0]!);
    el.speed = 2000;
    await el.updateComplete;
    expect(duration(el)).to.be.closeTo(slow / 2, 1);
    expect(left(headlines(el)[0]!)).to.be.closeTo(seen, 0.5);
  });

  it('recomputes its duration on resize without a jump', async () => {
    // One short headline: a copy is as wide as the ticker, so resizing changes the distance.
    const el = await fixture<NewsTicker>(
      html`<news-ticker style="width: 400px" speed="1000" .feed=${feed(1)}></news-ticker>`,
    );
    await untilRunning(el);
    const narrow = duration(el);
    expect(narrow).to.be.closeTo((listWidth(el) / 1000) * 1000, 1);
    await runAndPause(el);
    const seen = left(headlines(el)[0]!);
    el.style.width = '700px';
    await waitUntil(() => duration(el) > narrow + 100, 'the duration did not follow the new width');
    expect(duration(el)).to.be.closeTo((listWidth(el) / 1000) * 1000, 1);
    expect(left(headlines(el)[0]!)).to.be.closeTo(seen, 0.5);
  });

  it('still follows its width after being moved in the page', async () => {
    const page = await fixture<HTMLElement>(
      html`<div><news-ticker style="width: 400px" speed="1000" .feed=${feed(1)}></news-ticker><section></section></div>`,
    );
    const el = page.querySelector('news-ticker')!;
    await untilRunning(el);
    const narrow = duration(el);
    page.querySelector('section')!.append(el);
    await untilRunning(el);
    el.style.width = '700px';
    await waitUntil(() => duration(el) > narrow + 100, 'the moved ticker did not follow its new width');
    expect(duration(el)).to.be.closeTo((listWidth(el) / 1000) * 1000, 1);
  });

  it('recomputes its duration for new headlines without a jump', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker speed="1000" .feed=${feed(4)}></news-ticker>`);
    await untilRunning(el);
    const before = duration(el);
    await runAndPause(el);
    const seen = left(headlines(el)[0]!);
    el.feed = feed(8);
    await waitUntil(() => duration(el) > before + 100, 'the duration did not follow the new headlines');
    expect(duration(el)).to.be.closeTo((listWidth(el) / 1000) * 1000, 1);
    expect(left(headlines(el)[0]!)).to.be.closeTo(seen, 0.5);
  });

  it('stops while scrolled off-screen and starts again when back', async () => {
    const page = await fixture<HTMLElement>(
      html`<div><news-ticker .feed=${feed()}></news-ticker><div style="height: 300vh"></div></div>`,
    );
    const el = page.querySelector('news-ticker')!;
    await untilRunning(el);
    try {
      window.scrollTo(0, 2 * innerHeight);
      await untilPlayState(el, 'paused');
    } finally {
      window.scrollTo(0, 0);
    }
    await untilPlayState(el, 'running');
  });

  it('stops while the tab is hidden', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${feed()}></news-ticker>`);
    await untilRunning(el);
    // The browser's own state cannot be switched from a test page: stand in for it at its edge.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await untilPlayState(el, 'paused');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    await untilPlayState(el, 'running');
  });
});

describe('<news-ticker> pausing (WCAG 2.2.2)', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('pauses and plays with the button, which says what it will do', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${feed()}></news-ticker>`);
    await untilRunning(el);
    const button = pauseButton(el);
    expect(button.textContent!.trim()).to.equal('Pause headlines');
    // A label that changes, as the APG rotation control does: not also a pressed state.
    expect(button.hasAttribute('aria-pressed')).to.be.false;

    await clickOn(button);
    await untilPlayState(el, 'paused');
    expect(el.hasAttribute('paused')).to.be.true;
    expect(button.textContent!.trim()).to.equal('Play headlines');
    const still = left(headlines(el)[0]!);
    await frames(5);
    // Still: at 60 px per second it would have moved 5 px; a thousandth is rounding.
    expect(left(headlines(el)[0]!)).to.be.closeTo(still, 0.01);
    await expect(el).to.be.accessible();

    await clickOn(button);
    await untilPlayState(el, 'running');
    expect(el.hasAttribute('paused')).to.be.false;
    expect(button.textContent!.trim()).to.equal('Pause headlines');
  });

  it('pauses and plays with Space and Enter on the button', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${feed(2)}></news-ticker>`);
    await untilRunning(el);
    await tabUntil(() => focused(el) === pauseButton(el));
    // Focus on the button itself does not pause: the reader sees what the button does.
    expect(animationOf(el)!.playState).to.equal('running');
    // ' ', not 'Space': Firefox's WebDriver BiDi knows the key only by its character.
    await sendKeys({ press: ' ' });
    await untilPlayState(el, 'paused');
    expect(el.paused).to.be.true;
    await sendKeys({ press: 'Enter' });
    await untilPlayState(el, 'running');
    expect(el.paused).to.be.false;
  });

  it('follows the paused attribute set by the page', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker paused .feed=${feed()}></news-ticker>`);
    await el.updateComplete;
    await untilPlayState(el, 'paused');
    expect(pauseButton(el).textContent!.trim()).to.equal('Play headlines');
    el.removeAttribute('paused');
    await untilPlayState(el, 'running');
    expect(pauseButton(el).textContent!.trim()).to.equal('Pause headlines');
    el.setAttribute('paused', '');
    await untilPlayState(el, 'paused');
  });

  it('leaves no failed promise behind when removed as it pauses', async () => {
    const unhandled: string[] = [];
    const record = (event: PromiseRejectionEvent) => unhandled.push(String(event.reason));
    addEventListener('unhandledrejection', record);
    try {
      // Paused by the attribute or by focus, and removed while that pause is pending, which
      // cancels the animation.
      for (const pause of [(el: NewsTicker) => (el.paused = true), (el: NewsTicker) => headlines(el)[0]!.focus()]) {
        const el = await fixture<NewsTicker>(html`<news-ticker .feed=${feed()}></news-ticker>`);
        await untilRunning(el);
        pause(el);
        await el.updateComplete;
        el.remove();
        await frames(3);
      }
    } finally {
      removeEventListener('unhandledrejection', record);
    }
    expect(unhandled).to.deep.equal([]);
  });

  it('pauses while the mouse is over the headlines and resumes after', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker .feed=${feed()}></news-ticker><p>Elsewhere</p>`);
    await untilRunning(el);
    await hover(viewport(el));
    await untilPlayState(el, 'paused');
    expect(el.paused, 'hovering is not the reader’s choice to pause').to.be.false;
    await hover(el.nextElementSibling!);
    await untilPlayState(el, 'running');
  });

  it('pauses while focus is on a headline, shows it, and resumes after', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker style="width: 400px" .feed=${feed()}></news-ticker>`);
    await untilRunning(el);
    await tabUntil(() => focused(el) === headlines(el)[0]);
    await untilPlayState(el, 'paused');
    await waitUntil(() => inView(el, headlines(el)[0]!), 'the focused headline stays out of sight');
    await tabUntil(() => focused(el) === pauseButton(el));
    await untilPlayState(el, 'running');
  });

  it('brings every headline into view as Tab reaches it', async () => {
    const el = await fixture<NewsTicker>(html`<news-ticker style="width: 400px" .feed=${feed(6)}></news-ticker>`);
    await untilRunning(el);
    for (const headline of headlines(el)) {
      await tabUntil(() => focused(el) === headline, 2);
      await waitUntil(() => inView(el, headline), `${headline.textContent} stays out of sight`);
    }
  });

  it('brings every headline into view in a right-to-left ticker too', async () => {
    const el = await fixture<NewsTicker>(
      html`<news-ticker dir="rtl" style="width: 400px" .feed=${feed(6)}></news-ticker>`,
    );
    await untilRunning(el);
    for (const headline of headlines(el)) {
      await tabUntil(() => focused(el) === headline, 2);
      await waitUntil(() => inView(el, headline), `${headline.textContent} stays out of sight`);
    }
  });

  it('hides the loop’s copy from assistive technology and from Tab', async () => {
    const page = await fixture<HTMLElement>(
      html`<div><button>Before</button><news-ticker .feed=${feed(3)}></news-ticker><button>After</button></div>`,
    );
    const el = page.querySelector('news-ticker')!;
    await untilRunning(el);
    const copy = duplicate(el)!;
    expect(copy.getAttribute('aria-hidden')).to.equal('true');
    expect(copy.querySelectorAll('a').length).to.equal(3);

    page.querySelector('button')!.focus();
    const stops: Element[] = [];
    for (let i = 0; i < 10 && document.activeElement !== page.lastElementChild; i++) {
      await sendKeys({ press: 'Tab' });
      if (document.activeElement === el) stops.push(focused(el)!);
    }
    expect(document.activeElement === page.lastElementChild, 'Tab reached the button after the ticker').to.equal(true);
    const name = (stop: Element) => `${stop.localName} ${stop.textContent!.trim()}`;
    expect(stops.map(name)).to.deep.equal([...headlines(el), pauseButton(el)].map(name));
    expect(stops.some((stop) => copy.contains(stop))).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('still opens a headline clicked in the loop’s copy', async () => {
    const el = await fixture<NewsTicker>(
      html`<news-ticker style="width: 360px" speed="150" .feed=${feed(1)}></news-ticker>`,
    );
    await untilRunning(el);
    const link = duplicate(el)!.querySelector('a')!;
    const view = viewport(el).getBoundingClientRect();
    // It passes once a loop (under a second); stopped by the page as soon as it is well in view:
    // a mouse move can take long enough on a loaded machine for the link to leave or loop.
    await waitUntil(
      () => {
        const box = link.getBoundingClientRect();
        return box.left > view.left + 40 && box.right < view.right - 20;
      },
      'the copy never came into view',
      { timeout: 4000 },
    );
    el.paused = true;
    await untilPlayState(el, 'paused');
    expect(inView(el, link), 'the copy stopped in view').to.equal(true);
    let opened: string | undefined;
    el.addEventListener('click', (event) => {
      event.preventDefault();
      opened = (event.composedPath()[0] as Element).closest('a')?.href;
    });
    await clickOn(link);
    expect(opened).to.equal('https://news.example/story/1');
  });
});
