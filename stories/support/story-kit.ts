import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { html, noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { MOCK } from './mock-network.js';

/** Where each state's feed comes from: files in `stories/feeds` (served at `feeds/`) or the mock. */
export const FEEDS = {
  news: 'feeds/news.json',
  rtl: 'feeds/rtl.json',
  empty: 'feeds/empty.json',
  longTitles: 'feeds/long-titles.json',
  paged: 'feeds/paged-1.json',
  reviews: 'feeds/reviews.json',
  rtlReviews: 'feeds/rtl-reviews.json',
  longReviews: 'feeds/long-reviews.json',
  /** A 404. */
  missing: 'feeds/missing.json',
  /** 200, but plain text. */
  notAFeed: 'feeds/not-a-feed.txt',
  many: MOCK.many,
  manyReviews: MOCK.manyReviews,
  hang: MOCK.hang,
} as const;

/** The id of the article the review fixtures are about. */
export const ARTICLE = 'karabakh-peacekeepers';

/**
 * Paints the whole page as a dark site would (the elements follow `color-scheme` from their
 * surroundings), or back to the default. The whole page, not a wrapper: the ticker's headlines
 * waiting off-screen lie outside any wrapper, and axe checks them against what is behind them.
 */
export function paintPage(dark: boolean) {
  const { documentElement: root, body } = document;
  root.style.colorScheme = dark ? 'dark' : '';
  body.style.background = dark ? 'Canvas' : '';
  body.style.color = dark ? 'CanvasText' : '';
}

export const dark: Decorator = (story) => {
  paintPage(true);
  return story();
};

/** A right-to-left page in `lang`, as a Persian or Hebrew site would be. */
export const rtl =
  (lang: 'fa' | 'he'): Decorator =>
  (story) =>
    html`<div dir="rtl" lang=${lang}>${story()}</div>`;

/** Narrow column, as in a sidebar. */
export const narrow: Decorator = (story) => html`<div style="max-inline-size: 22rem">${story()}</div>`;

/** Controls for the attributes every feed element shares; descriptions come from the manifest. */
export const feedArgTypes: ArgTypes = {
  src: { control: 'text' },
  limit: { control: { type: 'number', min: 0 } },
  category: { control: 'text' },
  refresh: { control: { type: 'number', min: 0 } },
  locale: { control: 'select', options: ['', 'en', 'en-GB', 'ru', 'az', 'fa', 'he'] },
  label: { control: 'text' },
  target: { control: 'inline-radio', options: ['', '_blank', '_self'] },
  proxy: { control: 'text' },
  feed: { control: 'object' },
  onNewsLoad: { action: 'news-load', table: { disable: true } },
  onNewsError: { action: 'news-error', table: { disable: true } },
};

export const headingLevel = { control: { type: 'number', min: 1, max: 6 } } as const;

const toEvent = (arg: string) => arg.slice(2).replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());

/**
 * Applies a story's args to the element it is placed on, the way a page would: an observed
 * attribute as that attribute, any other value as a property, and `onNewsX` functions as
 * `news-x` listeners. Generic, so a control works for every attribute the element defines.
 */
class ApplyArgs extends Directive {
  #attributes = new Set<string>();
  #listeners = new Map<string, EventListener>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('applyArgs goes on an element: <news-x ${applyArgs(args)}>');
  }

  render(_args: Record<string, unknown>) {
    return noChange;
  }

  override update(part: ElementPart, [args]: [Record<string, unknown>]) {
    const element = part.element;
    const observed =
      (customElements.get(element.localName) as { observedAttributes?: string[] } | undefined)?.observedAttributes ??
      [];
    const seen = new Set<string>();
    for (const [name, value] of Object.entries(args)) {
      if (/^on[A-Z]/.test(name)) {
        this.#listen(element, toEvent(name), typeof value === 'function' ? (value as EventListener) : undefined);
      } else if (observed.includes(name)) {
        seen.add(name);
        if (value === undefined || value === null || value === false || value === '') element.removeAttribute(name);
        else element.setAttribute(name, value === true ? '' : String(value));
      } else {
        (element as unknown as Record<string, unknown>)[name] = value;
      }
    }
    for (const name of this.#attributes) if (!seen.has(name)) element.removeAttribute(name);
    this.#attributes = seen;
    return noChange;
  }

  #listen(element: Element, type: string, listener: EventListener | undefined) {
    const old = this.#listeners.get(type);
    if (old) element.removeEventListener(type, old);
    if (listener) {
      element.addEventListener(type, listener);
      this.#listeners.set(type, listener);
    } else this.#listeners.delete(type);
  }
}

export const applyArgs = directive(ApplyArgs);
