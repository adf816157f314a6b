import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Item } from '../../core/types.js';
import { imageErrorHandler, renderCard, type CardOptions } from '../news-card/news-card.js';
import { cardStyles } from '../news-card/news-card.styles.js';
import { baseStyles } from '../shared/base.styles.js';
import { FeedElement } from '../shared/feed-element.js';
import { levelConverter } from '../shared/heading.js';
import { MinuteClock } from '../shared/minute-clock.js';
import { cardsStyles } from './news-cards.styles.js';

/** How `<news-cards>` arranges its cards. */
export type CardsLayout = 'grid' | 'list' | 'compact';

/** Skeleton cards shown while loading when `limit` does not say how many will come: two rows of three. */
const SKELETON_CARDS = 6;
/** The most skeleton cards drawn, whatever the `limit`: a bound on the placeholder's DOM. */
const SKELETON_MOST = 24;

/**
 * A list of `<article>`s in a grid that adapts to the width the element is given (a container
 * query on the host, so give it a width when it sits in a flex or inline context). Each card is
 * drawn with the template of `<news-card>`, so both look and behave the same.
 *
 * @tag news-cards
 * @summary Article cards for a JSON Feed: image, tags, title link, summary, date and authors.
 *
 * @slot - Fallback content (say, a link to the site's news page): shown while loading and beside
 * Retry when the feed fails. An inline `<script type="application/feed+json">` child is the feed.
 * @slot empty - Replaces the message shown when there is nothing to show.
 * @slot error - Replaces the message shown when the feed cannot be loaded.
 *
 * @fires {NewsLoadEvent} news-load - A new feed arrived. `event.detail.feed` is the normalised feed.
 * @fires {NewsErrorEvent} news-error - The feed, or a further page asked for with More, could not be
 * loaded or read; the cards shown stay. `event.detail.error` is a `FeedError`.
 *
 * @csspart base - The element's outer wrapper.
 * @csspart list - The list of cards.
 * @csspart item - One list item, holding a card.
 * @csspart card - The `<article>`.
 * @csspart media - The image box: a fixed aspect ratio, kept (empty) when the image fails.
 * @csspart image - The `<img>`.
 * @csspart tags - The list of category tags.
 * @csspart tag - One category tag.
 * @csspart title - The heading.
 * @csspart link - The title link (absent when the item has no safe URL).
 * @csspart summary - The plain-text summary, clamped to a few lines.
 * @csspart meta - The line with the date, the language (`show-language`) and the authors.
 * @csspart time - The date.
 * @csspart language - The name of an item's language (`show-language`).
 * @csspart author - One author's name.
 * @csspart more - The More button (with `paginate`).
 * @csspart status - The loading, empty and error messages.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message and its Retry button.
 * @csspart retry - The Retry button.
 *
 * @cssprop [--news-card-min-width=16rem] - Narrowest a grid column gets before the grid drops one.
 *
 * The card's own custom properties (`--news-image-ratio`, `--news-title-lines`,
 * `--news-summary-lines`, `--news-title-size`) are those of `<news-card>`.
 */
export class NewsCards extends FeedElement {
  static override styles = [baseStyles, cardStyles, cardsStyles];
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    layout: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level', converter: levelConverter },
    noImages: { type: Boolean, reflect: true, attribute: 'no-images' },
    noSummary: { type: Boolean, reflect: true, attribute: 'no-summary' },
    noDate: { type: Boolean, reflect: true, attribute: 'no-date' },
    paginate: { type: Boolean, reflect: true },
    showLanguage: { type: Boolean, reflect: true, attribute: 'show-language' },
  };

  /** Keeps "3 minutes ago" true while the page stays open. @internal */
  protected readonly clock = new MinuteClock(this);

  /** The most cards shown (and, with `paginate`, how many more each More adds); the skeleton draws as many. 0 shows all. */
  override limit = 0;

  /** `grid` (cards in as many columns as fit), `list` (one column) or `compact` (dense rows, no summaries). */
  layout: CardsLayout = 'grid';

  /**
   * Level (1 to 6) of the first heading drawn: the `heading`, with the card titles one deeper, or
   * else the card titles. Out of range clamps to 1 or 6; not a number gives 3.
   */
  override headingLevel = 3;

  protected override defaultHeadingLevel = 3;

  /** Hides the images. */
  noImages = false;

  /** Hides the summaries. */
  noSummary = false;

  /** Hides the dates. */
  noDate = false;

  /**
   * Shows a More button while there is more to show: `limit` more of the items loaded, then the
   * feed's next page (`next_url`), appended below.
   */
  paginate = false;

  /**
   * Names each item's language (its own `language`, else the feed's) beside the date when it is
   * not the element's, in the element's language: for feeds that mix languages.
   */
  showLanguage = false;

  /** How many items More has asked for; `limit` until then. */
  #shown = 0;
  /** Items that pass the category filter, shown or not. */
  #available = 0;

  readonly #failedImages = new Set<string>();
  readonly #onImageError = imageErrorHandler((src) => {
    this.#failedImages.add(src);
    this.requestUpdate();
  });

  override selectItems(items: Item[]): Item[] {
    const matching = this.filterItems(items);
    this.#available = matching.length;
    return this.limit > 0 ? matching.slice(0, Math.max(this.limit, this.#shown)) : matching;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // Another feed starts again at `limit` (its controller forgets the pages of the old one).
    if (changed.has('src') || changed.has('feed') || changed.has('proxy')) this.#shown = 0;
  }

  protected renderItems(items: Item[]): TemplateResult {
    const options: CardOptions = {
      locale: this.resolvedLocale,
      headingLevel: this.innerLevel,
      target: this.target,
      noImages: this.noImages,
      noSummary: this.noSummary,
      noDate: this.noDate,
      compact: this.layout === 'compact',
      showLanguage: this.showLanguage,
      feedLanguage: this.feedState.feed?.language,
      failedImages: this.#failedImages,
      onImageError: this.#onImageError,
    };
    return html`<ul part="list" class="list" role="list" aria-label=${this.label || nothing}>
        ${items.map((item) => html`<li part="item">${renderCard(item, options)}</li>`)}
      </ul>
      ${this.paginate ? this.#renderMore(items.length) : nothing}`;
  }

  #renderMore(shown: number): TemplateResult | typeof nothing {
    // A failed page leaves its URL in place, so the button stays to try again.
    const { paging, pageError, hasMore } = this.feedState;
    if (this.#available <= shown && !hasMore) return nothing;
    const status = paging ? this.t('loading') : pageError ? this.t('error') : '';
    return html`<div class="more">
      <p part="status" class="status" role="status">${status}</p>
      <button part="more" type="button" aria-disabled=${paging ? 'true' : 'false'} @click=${this.#showMore}>
        ${this.t('more')}
      </button>
    </div>`;
  }

  /** Shows `limit` more of the items loaded, or loads the next page; then focuses the first new card. */
  #showMore = async () => {
    if (this.feedState.paging) return;
    const first = this.feedState.items.length;
    // Loaded items first; then the next page, through the controller.
    if (this.#available <= first && this.feedState.hasMore && !(await this.feedState.loadMore())) return;
    this.#shown = first + this.limit;
    this.requestUpdate();
    await this.updateComplete;
    // Keyboard and screen-reader users continue from the first new card, not from the button.
    const card = this.renderRoot.querySelectorAll<HTMLElement>('.list > li')[first];
    if (card) {
      card.tabIndex = -1;
      card.focus();
    }
  };

  protected renderSkeleton(): TemplateResult {
    const compact = this.layout === 'compact';
    const line = html`<span class="skeleton-line"></span>`;
    const card = html`<li>
      <div class="card${compact ? ' compact' : ''}">
        ${this.noImages ? nothing : html`<div class="media"></div>`}
        <div class="body">
          <div class="tags">${line}</div>
          <div class="title">${line}${line}</div>
          ${this.noSummary || compact ? nothing : html`<div class="summary">${line}${line}${line}</div>`}
          ${this.noDate ? nothing : html`<div class="meta">${line}</div>`}
        </div>
      </div>
    </li>`;
    const count = Math.min(this.limit || SKELETON_CARDS, SKELETON_MOST);
    return html`<ul class="list">${Array.from({ length: count }, () => card)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-cards': NewsCards;
  }
}
