// Hand-written because this is test data: what each framework's page must report.
// The pages scripts/test-package.mjs opens, one per framework (sources in test/package/), and what
// each must have put in `window.results`. `expected` lists the console errors a page causes on
// purpose; any other console error fails it.
const eq = (name, actual, wanted) => [
  name,
  actual === wanted,
  typeof actual === 'string' ? actual : JSON.stringify(actual),
];

// The deliberate failures: the element logs each once, and Chromium logs the 404 for /feed.json.
const notAFeed = (tag) => new RegExp(`^\\[feedlets\\] <${tag}>: The feed is JSON but not a JSON Feed`);
const missingFeed = [
  /^\[feedlets\] <news-ticker>: http:\/\/127\.0\.0\.1:\d+\/feed\.json returned an error \(status 404\)/,
  /^Failed to load resource: the server responded with a status of 404/,
];

export const pages = [
  {
    name: 'React 19',
    path: 'index.html',
    expected: [],
    checks: (r) => [
      [
        'plain page: <news-ticker> from `feedlets/define/news-ticker` renders its inline feed',
        r.plainRendered === true,
      ],
      eq('React 19: a number prop becomes the `speed` property', r.reactSpeedProperty, 30),
      ['React 19: a boolean prop reflects as the `paused` attribute', r.reactPausedAttribute === true],
      ['React 19: a string prop reaches the `label` property', r.reactLabel === 'From React'],
      ['React 19: an object prop reaches the `feed` property and renders', r.reactRendered === true],
      eq('React 19: `onnews-load` receives the typed event', r.eventTitle, 'From React'),
    ],
  },
  {
    name: 'Vue 3',
    path: 'vue/index.html',
    expected: missingFeed,
    checks: (r) => [
      eq('Vue 3 (SFC, isCustomElement): `:speed="40"` becomes the number property', r.speed, 40),
      [
        'Vue 3: `:feed.prop` sets the `feed` property (no attribute) and the cards render',
        r.feedIsProperty === true && r.rendered === true,
      ],
      eq('Vue 3: a static attribute reaches `layout`', r.layout, 'list'),
      eq('Vue 3: `@news-error` calls the handler (src 404s)', r.errorCode, 'http'),
    ],
  },
  {
    name: 'Vue 3 without isCustomElement',
    path: 'vue-unresolved/index.html',
    expected: [],
    checks: (r) => [
      [
        'Vue 3: without isCustomElement, Vue warns "Failed to resolve component: news-ticker" (development build)',
        r.warnings?.length === 1 && r.warnings[0].startsWith('Failed to resolve component: news-ticker'),
        JSON.stringify(r.warnings?.map((warning) => warning.split('\n')[0])),
      ],
    ],
  },
  {
    name: 'Svelte 5',
    path: 'svelte/index.html',
    expected: [notAFeed('news-cards')],
    checks: (r) => [
      [
        'Svelte 5: `feed={feed}` sets the `feed` property (the same object, no attribute) and the cards render',
        r.sameFeed === true && r.rendered === true,
      ],
      eq('Svelte 5: a static attribute reaches `layout`', r.layout, 'list'),
      eq(
        'Svelte 5: `onnews-error` calls the handler (for the one given a non-feed)',
        JSON.stringify(r.warned),
        '["not-a-feed"]',
      ),
    ],
  },
  {
    name: 'Angular',
    path: 'angular/index.html',
    expected: [notAFeed('news-ticker')],
    checks: (r) => [
      eq('Angular (JIT, zoneless, CUSTOM_ELEMENTS_SCHEMA): `[speed]="40"` becomes the number property', r.speed, 40),
      [
        'Angular: `[feed]` sets the `feed` property (no attribute) and the ticker renders',
        r.feedIsProperty === true && r.rendered === true,
      ],
      eq('Angular: `(news-error)` calls the handler (once `feed` is set to a non-feed)', r.errorCode, 'not-a-feed'),
    ],
  },
];
