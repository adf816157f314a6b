import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatDate } from '../../core/format.js';
import { foreignLanguageName } from '../../core/language-name.js';
import { safeUrl } from '../../core/safe-url.js';
import { tagName } from '../../core/tag-names.js';
import { TEXT_MAX, TITLE_MAX, clip } from '../../core/text.js';
import type { Item } from '../../core/types.js';
import { baseStyles } from '../shared/base.styles.js';
import { clampLevel, header, headingText, heading as headingOf, levelConverter } from '../shared/heading.js';
import { hostLocale } from '../shared/host-locale.js';
import { MinuteClock } from '../shared/minute-clock.js';
import { ThemedElement } from '../shared/themed-element.js';
import { cardStyles } from './news-card.styles.js';

/** How a card is drawn: the options `<news-card>` and `<news-cards>` share. */
export interface CardOptions {
  locale: string;
  headingLevel: number;
  target: string;
  noImages: boolean;
  noSummary: boolean;
  noDate: boolean;
  compact: boolean;
  /** Names the item's language when it is not the element's. */
  showLanguage: boolean;
  /** The feed's language, for items that do not give their own. */
  feedLanguage?: string;
  /** Image URLs that failed to load: their box stays, empty, so no broken-image icon shows. */
  failedImages: ReadonlySet<string>;
  onImageError: (event: Event) => void;
}

/** A card is a teaser: the article itself lists every tag. */
const MAX_TAGS = 3;

// An item set by page code has not been through parseFeed: read every field defensively.
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const validDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** Calls `onError` with the URL of the image that failed. */
export const imageErrorHandler = (onError: (src: string) => void) => (event: Event) =>
  onError((event.target as HTMLImageElement).getAttribute('src') ?? '');

/** One card: image, tags, title link, summary, date and authors, as an `<article>`. */
export function renderCard(item: Item, options: CardOptions): TemplateResult {
  const url = safeUrl(item.url);
  const image = options.noImages ? undefined : safeUrl(item.image);
  const title = str(item.title);
  const heading = title ? clip(title, TITLE_MAX) : clip(str(item.text), 120);
  const summary = title && !options.noSummary && !options.compact ? clip(str(item.text), TEXT_MAX) : '';
  const tags = list(item.tags).map(str).filter(Boolean).slice(0, MAX_TAGS);
  const authors = list(item.authors)
    .map((author) => str((author as { name?: unknown } | null)?.name))
    .filter(Boolean);
  const date = options.noDate ? undefined : [item.published, item.modified].find(validDate);
  const { locale } = options;
  const language = str(item.language) || options.feedLanguage || '';
  const languageLabel = options.showLanguage ? foreignLanguageName(language, locale) : '';
  const rel = options.target === '_blank' ? 'noopener noreferrer' : nothing;

  const link = url
    ? html`<a part="link" href=${url} target=${options.target || nothing} rel=${rel}>${heading}</a>`
    : html`<span>${heading}</span>`;
  return html`<article part="card" class="card${options.compact ? ' compact' : ''}" lang=${language || nothing}>
    ${
      image
        ? html`<div part="media" class="media">
          ${
            options.failedImages.has(image)
              ? nothing
              : html`<img part="image" src=${image} alt="" loading="lazy" decoding="async" @error=${options.onImageError} />`
          }
        </div>`
        : nothing
    }
    <div class="body">
      ${
        tags.length
          ? html`<ul part="tags" class="tags" role="list">
            ${tags.map((tag) => {
              // A tag the feed names in the element's language is in that language, not the item's.
              const name = tagName(tag, locale, item.tagNames);
              return html`<li part="tag" dir="auto" lang=${name === tag ? nothing : locale}>${name}</li>`;
            })}
          </ul>`
          : nothing
      }
      ${headingOf(clampLevel(options.headingLevel, 3), 'title', link)}
      ${summary ? html`<p part="summary" class="summary" dir="auto">${summary}</p>` : nothing}
      ${
        date || languageLabel || authors.length
          ? html`<p part="meta" class="meta">
            ${
              date
                ? html`<time part="time" datetime=${date.toISOString()} lang=${locale}>${formatDate(date, locale)}</time>`
                : nothing
            }
            ${languageLabel ? html`<span part="language" lang=${locale}>${languageLabel}</span>` : nothing}
            ${
              authors.length
                ? html`<span class="authors">${authors.map(
                    (name, i) => html`${i ? ', ' : ''}<span part="author" dir="auto">${name}</span>`,
                  )}</span>`
                : nothing
            }
          </p>`
          : nothing
      }
    </div>
  </article>`;
}

/**
 * Set `item` to an item of a feed read with `parseFeed` (or received in a `news-load` event).
 * `<news-cards>` draws each of its cards with the same template.
 *
 * The card lays its image beside the text when its container named `news-card` is at least
 * 34rem wide (`container: news-card / inline-size` on a wrapper); otherwise the image is on top.
 *
 * @tag news-card
 * @summary One article card for a news item, for pages that compose their own layouts.
 *
 * @csspart header - The heading above the card (`heading`).
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
 * @csspart language - The name of the item's language (`show-language`).
 * @csspart author - One author's name.
 *
 * @cssprop [--news-image-ratio=16 / 9] - Aspect ratio of the image box, kept while the image loads and if it fails.
 * @cssprop [--news-title-lines=3] - Lines of title shown before it is cut; the card holds room for them.
 * @cssprop [--news-summary-lines=3] - Lines of summary shown before it is cut; the card holds room for them.
 * @cssprop [--news-title-size=1.125em] - Font size of the title (`1em` when compact).
 */
export class NewsCard extends ThemedElement {
  static override styles = [baseStyles, cardStyles];
  static override properties: PropertyDeclarations = {
    item: { attribute: false },
    locale: { reflect: true },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level', converter: levelConverter },
    noImages: { type: Boolean, reflect: true, attribute: 'no-images' },
    noSummary: { type: Boolean, reflect: true, attribute: 'no-summary' },
    noDate: { type: Boolean, reflect: true, attribute: 'no-date' },
    compact: { type: Boolean, reflect: true },
    target: { reflect: true },
    showLanguage: { type: Boolean, reflect: true, attribute: 'show-language' },
  };

  /** Keeps "3 minutes ago" true while the page stays open. @internal */
  protected readonly clock = new MinuteClock(this);

  /** The item to show: a normalised `Item` from `parseFeed`. Nothing renders without it. */
  item?: Item;

  /** Language for the date, such as `ru` or `en-GB`. Default: the nearest `lang`. */
  locale = '';

  /** A heading drawn above the card: its text, or `none` (the default draws none). */
  heading = '';

  /**
   * Level (1 to 6) of the first heading drawn: the `heading`, with the card's title one deeper,
   * or else the title. Out of range clamps to 1 or 6; not a number gives 3.
   */
  headingLevel = 3;

  /** Hides the image. */
  noImages = false;

  /** Hides the summary. */
  noSummary = false;

  /** Hides the date. */
  noDate = false;

  /** A dense row: a small thumbnail beside the title and the date, no summary. */
  compact = false;

  /** Where the link opens, such as `_blank` (which adds `rel="noopener noreferrer"`). */
  target = '';

  /** Names the item's language (its `language`) beside the date when it is not the card's, in the card's language. */
  showLanguage = false;

  #resolvedLocale = 'en';
  readonly #failedImages = new Set<string>();
  readonly #onImageError = imageErrorHandler((src) => {
    this.#failedImages.add(src);
    this.requestUpdate();
  });

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('locale') || !this.hasUpdated) this.#resolvedLocale = hostLocale(this);
  }

  protected override render() {
    if (!this.item) return nothing;
    const level = clampLevel(this.headingLevel, 3);
    const text = headingText(this.heading);
    return html`${header(level, text)}${renderCard(this.item, {
      locale: this.#resolvedLocale,
      headingLevel: text ? Math.min(6, level + 1) : level,
      target: this.target,
      noImages: this.noImages,
      noSummary: this.noSummary,
      noDate: this.noDate,
      compact: this.compact,
      showLanguage: this.showLanguage,
      failedImages: this.#failedImages,
      onImageError: this.#onImageError,
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-card': NewsCard;
  }
}
