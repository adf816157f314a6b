import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FeedController } from '../../core/feed-controller.js';
import { translator, type Strings, type Translate } from '../../core/strings.js';
import type { Item } from '../../core/types.js';
import { clampLevel, header, headingText, levelConverter } from './heading.js';
import { hostLocale } from './host-locale.js';
import { ThemedElement } from './themed-element.js';

/** Splits a comma-separated attribute into lower-case names. */
export const names = (list: string) =>
  list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);

/**
 * What every feed-reading element shares: the attributes, the feed controller, and the loading,
 * empty and error states. Subclasses draw their items and their skeleton.
 *
 * @slot - Fallback content (say, a link to the site's news page): shown while loading and beside
 * Retry when the feed fails. An inline `<script type="application/feed+json">` child is the feed.
 * @slot empty - Replaces the message shown when there is nothing to show.
 * @slot error - Replaces the message shown when the feed cannot be loaded.
 *
 * @fires {NewsLoadEvent} news-load - A new feed arrived. `event.detail.feed` is the normalised feed.
 * @fires {NewsErrorEvent} news-error - The feed could not be loaded or read; the last good content
 * stays. `event.detail.error` is a `FeedError` with a `code` and a message.
 *
 * @csspart base - The element's outer wrapper.
 * @csspart header - The element's own heading (`heading`).
 * @csspart status - The loading, empty and error messages.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message and its Retry button.
 * @csspart retry - The Retry button.
 */
export abstract class FeedElement extends ThemedElement {
  // Reactive properties without decorators: the decorator helpers and metadata cost every page bytes.
  static override properties: PropertyDeclarations = {
    src: {},
    limit: { type: Number },
    category: {},
    refresh: { type: Number },
    locale: {},
    label: {},
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level', converter: levelConverter },
    target: {},
    proxy: {},
    feed: { attribute: false },
  };
  /** URL of the feed: JSON Feed, RSS or Atom. Without it, an inline `<script type="application/feed+json">` child is read. */
  src = '';

  /** The most items to show. 0 shows all. */
  limit = 0;

  /** Shows only items with one of these tags: comma-separated, case-insensitive. */
  category = '';

  /** Seconds between refreshes of the feed; 0 loads it once. */
  refresh = 0;

  /** Language for dates and messages, such as `ru` or `en-GB`. Default: the nearest `lang`. */
  locale = '';

  /** The accessible name of the widget. */
  label = '';

  /**
   * A heading drawn above the widget: its text, or `none` for no heading (a page that has its
   * own). Empty: the element's default (`<news-reviews>` says "Reviews"; the others draw none).
   */
  heading = '';

  /**
   * Level (1 to 6) of the first heading the element draws; headings inside it go one level
   * deeper. Out of range clamps to 1 or 6; not a number gives the default.
   */
  headingLevel = 2;

  /** `heading-level` when the attribute says nothing usable. @internal */
  protected defaultHeadingLevel = 2;

  /** Where links open, such as `_blank` (which adds `rel="noopener noreferrer"`). */
  target = '';

  /** URL template with `{url}` for fetching `src` through a proxy, such as `https://example.org/fetch?url={url}`. */
  proxy = '';

  /** Feed data the page already has: a JSON Feed object or its text, used instead of `src`. */
  feed?: unknown;

  protected readonly feedState = new FeedController(this);

  /** Messages in the element's language. */
  protected t: Translate = translator('en');

  /** The English of messages this element alone shows, which other elements' pages need not download. @internal */
  protected english: Partial<Strings> = {};

  /** The element's resolved locale, for `Intl`. */
  protected resolvedLocale = 'en';

  selectItems(items: Item[]): Item[] {
    const chosen = this.filterItems(items);
    return this.limit > 0 ? chosen.slice(0, this.limit) : chosen;
  }

  /** The items that pass the `category` filter, in feed order. */
  protected filterItems(items: Item[]): Item[] {
    const wanted = names(this.category);
    return wanted.length ? items.filter((item) => item.tags.some((tag) => wanted.includes(tag.toLowerCase()))) : items;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('locale') || !this.hasUpdated) {
      this.resolvedLocale = hostLocale(this);
      this.t = translator(this.resolvedLocale, this.english);
    }
  }

  /** The link attributes `target` asks for. */
  protected get rel() {
    return this.target === '_blank' ? 'noopener noreferrer' : undefined;
  }

  /** Draws the items; called only in the `ready` state. */
  protected abstract renderItems(items: Item[]): TemplateResult;

  /** A placeholder in the shape of the final layout, so nothing shifts when content arrives. */
  protected abstract renderSkeleton(): TemplateResult;

  /** The level of the element's own heading. @internal */
  protected get level(): number {
    return clampLevel(this.headingLevel, this.defaultHeadingLevel);
  }

  /** The element's own heading text, '' for none. @internal */
  protected get headerText(): string {
    return headingText(this.heading);
  }

  /** The level of the headings inside: one below the element's own heading when it has one. @internal */
  protected get innerLevel(): number {
    return this.headerText ? Math.min(6, this.level + 1) : this.level;
  }

  /** The element's own heading, above the widget. @internal */
  protected renderHeader() {
    return header(this.level, this.headerText);
  }

  protected override render() {
    const { status, items } = this.feedState;
    return html`${this.renderHeader()}<div part="base" class="base ${status}" aria-busy=${status === 'loading' ? 'true' : 'false'}>
      ${status === 'ready' ? this.renderItems(items) : this.renderStatus()}
    </div>`;
  }

  /** The message for a state; an element whose items are not news (reviews) says so. */
  protected statusText(status: 'loading' | 'empty' | 'error'): string {
    return this.t(status);
  }

  /** The loading, empty and error states, the same in every element. */
  protected renderStatus() {
    const { status } = this.feedState;
    if (status === 'idle') return nothing;
    const fallback = this.#hasFallback();
    if (status === 'loading') {
      return fallback
        ? html`<slot></slot>`
        : html`<div part="skeleton" class="skeleton" aria-hidden="true">${this.renderSkeleton()}</div>
            <span class="visually-hidden" part="status">${this.statusText('loading')}</span>`;
    }
    if (status === 'empty') {
      return html`<p part="status" class="status"><slot name="empty">${this.statusText('empty')}</slot></p>`;
    }
    return html`<div part="error" class="status error">
      <slot name="error">${fallback ? html`<slot></slot>` : html`<p>${this.statusText('error')}${this.#cause()}</p>`}</slot>
      <button part="retry" type="button" @click=${() => this.feedState.retry()}>${this.t('retry')}</button>
    </div>`;
  }

  /**
   * The cause a reader can act on, in a short sentence after the message; the console keeps the
   * full advice. Made from the URL alone, never from a response.
   */
  #cause(): string {
    const { error } = this.feedState;
    return error?.code === 'cors' && error.url ? ` ${this.t('corsBlocked', { host: new URL(error.url).host })}` : '';
  }

  /** Whether the page gave fallback content: anything but the inline feed and white space. */
  #hasFallback() {
    return [...this.childNodes].some((node) =>
      node instanceof Element
        ? node.localName !== 'script' && !node.slot
        : node.nodeType === Node.TEXT_NODE && !!node.textContent?.trim(),
    );
  }
}
