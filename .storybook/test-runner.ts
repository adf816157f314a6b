/**
 * What `npm run test-storybook` (Storybook's test runner, in Debian's Chromium) checks on top of
 * "the story renders": no console error or uncaught exception, no request leaving this machine,
 * and no axe violation once the feeds have arrived. The a11y addon's own pass (`a11y.test: 'error'`
 * in preview.ts) runs right after the first render, so it sees the loading state; the pass here
 * sees the loaded one.
 *
 * Story tags: `feed-error` stories show a feed failing on purpose, so the error the element logs
 * (`[feedlets] …`) and the browser's 404 line are expected, and required; `reduced-motion` stories
 * run with `prefers-reduced-motion: reduce`.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { getStoryContext, type TestRunnerConfig } from '@storybook/test-runner';
import type { BrowserContext, Page } from 'playwright';

/** How long a story may take to reach each state: a limit for a busy machine, never a pace. */
const STORY_TIMEOUT = 30_000;

/** The elements that load a feed, and announce it with `news-load` or `news-error`. */
const FEED_TAGS = ['news-ticker', 'news-cards', 'news-categories', 'news-reviews'];
/** `MOCK.hang` (stories/support/mock-network.ts) never answers, on purpose: the loading state. */
const HANG = '/mock/hang.json';

/**
 * Rules left out of the axe run. `region` wants all content inside landmarks: a story shows one
 * widget, and landmarks are the host page's job (the a11y addon leaves it out too).
 */
const RULES_OFF = ['region'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface StoryState {
  tags: string[];
  problems: string[];
  feedErrors: string[];
  inFlight: Set<unknown>;
  /** Called when the last open request ends. */
  onIdle?: () => void;
}

/**
 * The test runner loads this module twice (in the environment, for `prepare`, and in each test
 * file, for the visit hooks), so state shared by both lives on the page and context objects.
 */
const STATE = '__feedletsStory';
const GUARDED = '__feedletsGuarded';
const states = {
  get: (page: Page) => (page as unknown as Record<string, StoryState | undefined>)[STATE],
  set: (page: Page, state: StoryState) => void ((page as unknown as Record<string, StoryState>)[STATE] = state),
};

const fresh = (tags: string[] = []): StoryState => ({
  tags,
  problems: [],
  feedErrors: [],
  inFlight: new Set(),
});

/** Only the Storybook's own origin (and data:/blob:) may be reached; anything else is a failure. */
async function guard(context: BrowserContext, origin: string, page: Page) {
  const flags = context as unknown as Record<string, boolean>;
  if (flags[GUARDED]) return;
  flags[GUARDED] = true;
  // On the context, not the page: in Chromium it also sees the requests msw's service worker makes.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    states.get(page)?.problems.push(`request left the machine: ${url}`);
    return route.abort();
  });
}

function listen(page: Page) {
  const state = () => states.get(page)!;
  // Waiting for the request that never answers would never end.
  const counted = (url: string) => !url.endsWith(HANG);
  page.on('request', (request) => {
    if (counted(request.url())) state().inFlight.add(request);
  });
  const finished = (request: unknown) => {
    state().inFlight.delete(request);
    if (!state().inFlight.size) state().onIdle?.();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  page.on('pageerror', (error) => state().problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text().split('\n')[0]!;
    // Chromium asks for /favicon.ico on its own (iframe.html names none), at a moment no story controls.
    if (new URL(message.location().url || 'about:blank').pathname === '/favicon.ico') return;
    const expectsFeedError = state().tags.includes('feed-error');
    if (expectsFeedError && text.startsWith('[feedlets]')) state().feedErrors.push(text);
    else if (expectsFeedError && /status of 404/.test(text)) return;
    else state().problems.push(`console error: ${text}${message.location().url ? ` (${message.location().url})` : ''}`);
  });
}

/** Resolves once no counted request is open; rejects, saying how many are, after STORY_TIMEOUT. */
function networkIdle(state: StoryState) {
  if (!state.inFlight.size) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const limit = setTimeout(() => {
      state.onIdle = undefined;
      reject(new Error(`${state.inFlight.size} request(s) still open after ${STORY_TIMEOUT / 1000} s`));
    }, STORY_TIMEOUT);
    state.onIdle = () => {
      clearTimeout(limit);
      state.onIdle = undefined;
      resolve();
    };
  });
}

interface FeedWatch {
  __feedletsAnswered: WeakSet<EventTarget>;
  __feedletsWatching?: boolean;
  __feedletsOnAnswer?: () => void;
}

/**
 * In the page, before the story renders: remembers every element that fires `news-load` or
 * `news-error` (both bubble out of shadow roots), so none is missed however early it answers.
 */
function watchFeeds() {
  const watch = window as unknown as FeedWatch;
  watch.__feedletsAnswered = new WeakSet();
  if (watch.__feedletsWatching) return;
  watch.__feedletsWatching = true;
  for (const type of ['news-load', 'news-error']) {
    document.addEventListener(
      type,
      (event) => {
        watch.__feedletsAnswered.add(event.composedPath()[0]!);
        watch.__feedletsOnAnswer?.();
      },
      true,
    );
  }
}

/**
 * In the page: resolves once every feed element in the story that has a feed to load (`src`, but
 * not the one that never answers, or `feed`) has fired `news-load` or `news-error`. After `timeout`
 * it resolves with those that have not, described, instead.
 */
function feedsAnswered({ tags, hang, timeout }: { tags: string[]; hang: string; timeout: number }) {
  const watch = window as unknown as FeedWatch;
  const root = document.querySelector('#storybook-root')!;
  type FeedLike = HTMLElement & { src?: string; feed?: unknown };
  const expected = (scope: ParentNode = root, found: FeedLike[] = []) => {
    for (const element of scope.querySelectorAll<FeedLike>('*')) {
      const loads = element.src ? !new URL(element.src, location.href).pathname.endsWith(hang) : element.feed != null;
      if (tags.includes(element.localName) && loads) found.push(element);
      if (element.shadowRoot) expected(element.shadowRoot, found);
    }
    return found;
  };
  const waiting = () => expected().filter((element) => !watch.__feedletsAnswered.has(element));
  return new Promise<string[]>((resolve) => {
    const end = (unanswered: FeedLike[]) => {
      clearTimeout(limit);
      watch.__feedletsOnAnswer = undefined;
      resolve(unanswered.map((element) => `<${element.localName}${element.src ? ` src="${element.src}"` : ''}>`));
    };
    const limit = setTimeout(() => end(waiting()), timeout);
    watch.__feedletsOnAnswer = () => void (waiting().length || end([]));
    if (!waiting().length) end([]);
  });
}

/** Waits for every Lit element in the story, in light and shadow DOM, to finish updating. */
function settleElements() {
  const collect = (root: ParentNode, found: { updateComplete: Promise<unknown> }[] = []) => {
    for (const element of root.querySelectorAll('*')) {
      if ('updateComplete' in element) found.push(element as unknown as { updateComplete: Promise<unknown> });
      if (element.shadowRoot) collect(element.shadowRoot, found);
    }
    return found;
  };
  const root = document.querySelector('#storybook-root')!;
  return (async () => {
    for (let round = 0; round < 3; round++) {
      await Promise.all(collect(root).map((element) => element.updateComplete));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    return root.childElementCount;
  })();
}

async function runAxe(rulesOff: string[]) {
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const rules = Object.fromEntries(rulesOff.map((id) => [id, { enabled: false }]));
  const { violations } = await axe.run('#storybook-root', { rules, resultTypes: ['violations'] });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`)
        .join(', ')}`,
  );
}

const config: TestRunnerConfig = {
  async prepare({ page, browserContext }) {
    const origin = new URL(process.env.TARGET_URL!).origin;
    states.set(page, fresh());
    await guard(browserContext, origin, page);
    listen(page);
    await page.goto(new URL('iframe.html', process.env.TARGET_URL).href, { waitUntil: 'load' });
  },

  async preVisit(page, context) {
    const { tags } = await getStoryContext(page, context);
    states.set(page, fresh(tags));
    await page.emulateMedia({ reducedMotion: tags.includes('reduced-motion') ? 'reduce' : 'no-preference' });
    await page.evaluate(watchFeeds);
  },

  async postVisit(page, context) {
    const state = states.get(page)!;
    // Feeds arrive after the first render: settle on each feed element's own answer, then on what
    // rendering it asked for (images, further pages) and the updates those cause.
    const unanswered = await page.evaluate(feedsAnswered, { tags: FEED_TAGS, hang: HANG, timeout: STORY_TIMEOUT });
    for (const element of unanswered)
      state.problems.push(`no news-load or news-error from ${element} within ${STORY_TIMEOUT / 1000} s`);
    await page.evaluate(settleElements);
    await networkIdle(state);
    if (!(await page.evaluate(settleElements))) state.problems.push('#storybook-root is empty');
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
    state.problems.push(...(await page.evaluate(runAxe, RULES_OFF)).map((v) => `axe: ${v}`));
    if (state.tags.includes('feed-error') && !state.feedErrors.length) {
      state.problems.push('tagged feed-error, but no [feedlets] error was logged');
    }
    if (state.problems.length) throw new Error(`${context.id}:\n${state.problems.map((p) => `  ${p}`).join('\n')}`);
  },
};

export default config;
