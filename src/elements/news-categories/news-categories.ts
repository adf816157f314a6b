import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { formatDate } from '../../core/format.js';
import { foreignLanguageName } from '../../core/language-name.js';
import { languageOf } from '../../core/locale.js';
import { tagName } from '../../core/tag-names.js';
import { headline } from '../../core/text.js';
import type { Item } from '../../core/types.js';
import { baseStyles } from '../shared/base.styles.js';
import { FeedElement, names } from '../shared/feed-element.js';
import { heading, levelConverter } from '../shared/heading.js';
import { MinuteClock } from '../shared/minute-clock.js';
import { categoriesStyles } from './news-categories.styles.js';

/** One category as shown: `key` is the lower-case tag ('' for untagged items), `name` the feed's spelling. */
interface Group {
  key: string;
  name: string;
  items: Item[];
  /** Time of the newest dated item, or -Infinity. */
  latest: number;
}

/** Skeleton sections and headlines per section when neither `categories` nor `limit` says. */
const SKELETON_SECTIONS = 3;
const SKELETON_ITEMS = 3;
/** A bound on the placeholder's DOM, whatever the attributes say. */
const SKELETON_MOST = 12;

const timeOf = (item: Item) => (item.published ?? item.modified)?.getTime() ?? -Infinity;

/** Newest first; equal times keep their order (the sort is stable). */
const newest = (a: number, b: number) => (a === b ? 0 : a < b ? 1 : -1);

/**
 * Groups `items` by tag. With `wanted` (lower-case names), only those categories, in that order;
 * otherwise every category, most recent first, then untagged items under the '' key.
 */
function groupItems(items: Item[], wanted: string[], limit: number): Group[] {
  const groups = new Map<string, Group>();
  const add = (key: string, name: string, item: Item) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, name, items: [], latest: -Infinity }));
    group.items.push(item);
    group.latest = Math.max(group.latest, timeOf(item));
  };
  for (const item of items) {
    const seen = new Set<string>();
    for (const tag of item.tags) {
      const key = tag.toLowerCase();
      if (seen.has(key) || (wanted.length && !wanted.includes(key))) continue;
      seen.add(key);
      add(key, tag, item);
    }
    if (!item.tags.length && !wanted.length) add('', '', item);
  }
  let list: Group[];
  if (wanted.length) {
    list = [...new Set(wanted)].flatMap((key) => groups.get(key) ?? []);
  } else {
    const other = groups.get('');
    groups.delete('');
    list = [...groups.values()].sort((a, b) => newest(a.latest, b.latest));
    if (other) list.push(other);
  }
  for (const group of list) {
    group.items.sort((a, b) => newest(timeOf(a), timeOf(b)));
    if (limit > 0) group.items.length = Math.min(group.items.length, limit);
  }
  return list;
}

/**
 * @summary Headlines grouped by category: one titled list per tag of the feed, or tabs.
 *
 * Each category of the feed (its items' JSON Feed `tags`, matched without regard to case and
 * shown in the element's language when the feed's `_tag_names` has it, else as the feed spells
 * them) gets a heading and its latest headlines, newest first, each a
 * link with its date. An item with several tags appears under each. Items without tags are
 * gathered last under "Other" when every category is shown, and left out when `categories`
 * chooses. `limit` counts per category. `layout="tabs"` follows the ARIA tabs pattern with
 * automatic activation: arrow keys (mirrored right to left), Home and End move between tabs and
 * show the panel at once; the tab names the panel, so the tabs layout has no headings.
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
 * @csspart section - One category in the sections layout: its heading and list.
 * @csspart heading - A category's heading (sections layout).
 * @csspart list - A category's list of headlines.
 * @csspart item - One headline: its link and time.
 * @csspart link - The link to the article.
 * @csspart title - The headline text, inside the link when the item has a URL.
 * @csspart time - The item's date.
 * @csspart language - The name of an item's language, after its date (`show-language`).
 * @csspart tablist - The row of tabs (tabs layout).
 * @csspart tab - One category's tab (tabs layout).
 * @csspart panel - One category's panel (tabs layout).
 * @csspart status - The loading, empty and error messages.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message and its Retry button.
 * @csspart retry - The Retry button.
 *
 * @cssprop [--news-heading-size=1.125em] - Font size of the category headings.
 * @cssprop [--news-column-width=16rem] - Narrowest column of the sections grid.
 * @cssprop [--news-headline-lines=2] - Lines of a headline shown before it is cut; every row holds room for them.
 */
export class NewsCategories extends FeedElement {
  static override styles = [baseStyles, categoriesStyles];
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    categories: { reflect: true },
    layout: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level', converter: levelConverter },
    showLanguage: { type: Boolean, reflect: true, attribute: 'show-language' },
    selectedKey: { state: true },
  };

  /** Keeps "3 minutes ago" true while the page stays open. @internal */
  protected readonly clock = new MinuteClock(this);

  /** The most headlines per category, newest first. 0 shows all. */
  override limit = 0;

  /**
   * The categories to show, in this order: comma-separated, case-insensitive. Default: every
   * category, most recent first. `category` is read the same way when this is empty; when both
   * are set, `categories` decides.
   */
  categories = '';

  /** `sections` (a heading and list per category) or `tabs` (one category at a time). */
  layout: 'sections' | 'tabs' = 'sections';

  /**
   * Level (1 to 6) of the first heading drawn: the `heading`, with the category headings one
   * deeper, or else the category headings (sections layout), to fit the page's outline. Default 2:
   * each category is a block of the page in its own right, like a sidebar's "Social". Out of range
   * clamps to 1 or 6; not a number gives 2.
   */
  override headingLevel = 2;

  /**
   * Names each item's language (its own `language`, else the feed's) after its date when it is not
   * the element's, in the element's language: for feeds that mix languages.
   */
  showLanguage = false;

  /** The selected tab's category key; the first tab when unset or gone. */
  private selectedKey?: string;

  #memo?: { items: Item[]; key: string; groups: Group[] };

  /** Every item shown, once: its categories' latest, `limit` per category. */
  override selectItems(items: Item[]): Item[] {
    return [...new Set(this.#groups(items).flatMap((group) => group.items))];
  }

  /** The groups of `items`, computed once per feed and settings: selection and render share them. */
  #groups(items: Item[]): Group[] {
    const wanted = names(this.categories || this.category);
    const key = `${wanted.join(',')}|${this.limit}`;
    if (this.#memo?.items !== items || this.#memo.key !== key) {
      this.#memo = { items, key, groups: groupItems(items, wanted, this.limit) };
    }
    return this.#memo.groups;
  }

  protected override render() {
    const { status } = this.feedState;
    return html`${this.renderHeader()}<div
      part="base"
      class="base ${status} ${this.#tabs ? 'tabs' : 'sections'}"
      aria-busy=${status === 'loading' ? 'true' : 'false'}
      role=${this.label ? 'region' : nothing}
      aria-label=${this.label || nothing}
    >
      ${status === 'ready' ? this.renderItems() : this.renderStatus()}
    </div>`;
  }

  get #tabs() {
    return this.layout === 'tabs';
  }

  protected renderItems(): TemplateResult {
    const groups = this.#groups(this.feedState.feed?.items ?? []);
    return this.#tabs ? this.#renderTabs(groups) : html`${groups.map((group) => this.#renderSection(group))}`;
  }

  /** The category's name in the element's language when the feed gives one (`_tag_names`), else as the feed spells it. */
  #name(group: Group) {
    return group.name ? tagName(group.name, this.resolvedLocale, group.items[0]?.tagNames) : this.t('other');
  }

  #renderSection(group: Group): TemplateResult {
    return html`<section part="section" class="section">
      ${heading(this.innerLevel, 'heading', this.#name(group))}
      ${this.#renderList(group)}
    </section>`;
  }

  #renderTabs(groups: Group[]): TemplateResult {
    const selected = this.#selectedIndex(groups);
    return html`<div
        part="tablist"
        class="tablist"
        role="tablist"
        aria-label=${this.t('categories')}
        @keydown=${this.#onKeydown}
      >
        ${groups.map(
          (group, i) =>
            html`<button
              part="tab"
              class="tab"
              role="tab"
              type="button"
              id="tab-${i}"
              aria-controls="panel-${i}"
              aria-selected=${i === selected ? 'true' : 'false'}
              tabindex=${i === selected ? 0 : -1}
              dir="auto"
              @click=${() => (this.selectedKey = group.key)}
            >${this.#name(group)}</button>`,
        )}
      </div>
      ${groups.map(
        (group, i) =>
          html`<div
            part="panel"
            class="panel"
            role="tabpanel"
            id="panel-${i}"
            aria-labelledby="tab-${i}"
            ?hidden=${i !== selected}
          >
            ${this.#renderList(group)}
          </div>`,
      )}`;
  }

  #renderList(group: Group): TemplateResult {
    return html`<ul part="list" class="list">
      ${group.items.map((item) => this.#renderItem(item))}
    </ul>`;
  }

  #renderItem(item: Item): TemplateResult {
    const { lang, dir } = languageOf(item.language);
    const date = item.published ?? item.modified;
    const locale = this.resolvedLocale;
    const language = this.showLanguage
      ? foreignLanguageName(item.language || this.feedState.feed?.language, locale)
      : '';
    // The title is in the item's language; the date and the language's name are in the element's.
    const title = html`<span part="title" class="title" lang=${lang ?? nothing} dir=${dir ?? 'auto'}
      >${headline(item)}</span
    >`;
    return html`<li part="item" class="item">
      ${
        item.url
          ? html`<a part="link" class="link" href=${item.url} target=${this.target || nothing} rel=${this.rel ?? nothing}>${title}</a>`
          : title
      }
      ${
        date
          ? html`<time part="time" class="time" datetime=${date.toISOString()}>${formatDate(date, locale)}</time>`
          : nothing
      }
      ${language ? html`<span part="language" class="language" lang=${locale}>${language}</span>` : nothing}
    </li>`;
  }

  #selectedIndex(groups: Group[]) {
    return Math.max(
      0,
      groups.findIndex((group) => group.key === this.selectedKey),
    );
  }

  #onKeydown = async (event: KeyboardEvent) => {
    const groups = this.#groups(this.feedState.feed?.items ?? []);
    const current = this.#selectedIndex(groups);
    const step = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const moves: Partial<Record<string, number>> = {
      ArrowRight: current + step,
      ArrowLeft: current - step,
      Home: 0,
      End: groups.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + groups.length) % groups.length;
    this.selectedKey = groups[index]!.key;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${index}`)?.focus();
  };

  /** The final layout's boxes with bars for text, so the height holds when headlines arrive. */
  protected renderSkeleton(): TemplateResult {
    // The common case: the categories named, or three; `limit` headlines each, or three.
    const count = Math.min(names(this.categories || this.category).length || SKELETON_SECTIONS, SKELETON_MOST);
    const bar = html`<span class="skeleton-line"></span>`;
    const item = html`<div class="item"><span class="title">${bar}</span><span class="time">${bar}</span></div>`;
    const list = html`<div class="list">${Array.from({ length: Math.min(this.limit || SKELETON_ITEMS, SKELETON_MOST) }, () => item)}</div>`;
    if (this.#tabs) {
      const tab = html`<span class="tab">${bar}</span>`;
      return html`<div class="tablist">${Array.from({ length: count }, () => tab)}</div>
        <div class="panel">${list}</div>`;
    }
    const section = html`<div class="section"><div class="heading">${bar}</div>${list}</div>`;
    return html`${Array.from({ length: count }, () => section)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-categories': NewsCategories;
  }
}
