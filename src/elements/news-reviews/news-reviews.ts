import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { NewsReviewErrorEvent, NewsReviewSentEvent, NewsReviewSubmitEvent } from '../../core/events.js';
import { formatDate } from '../../core/format.js';
import { DraftStore, newId, type ReviewDraft } from '../../core/review-draft.js';
import { ReviewError, sendReview } from '../../core/review-sender.js';
import type { ReviewPayload } from '../../core/review-schema.js';
import { reviewStrings } from '../../core/review-strings.js';
import { REVIEW_MAX } from '../../core/text.js';
import type { Item } from '../../core/types.js';
import { baseStyles } from '../shared/base.styles.js';
import { FeedElement } from '../shared/feed-element.js';
import { header, heading, headingText } from '../shared/heading.js';
import { MinuteClock } from '../shared/minute-clock.js';
import { styles } from './news-reviews.styles.js';

type Phase = 'idle' | 'sending' | 'retrying' | 'sent' | 'failed';
type Field = 'rating' | 'text' | 'name';
type Problems = Partial<Record<Field, string>>;

/** The review this reader just sent, shown until the feed carries it. */
interface Mine {
  review: ReviewPayload;
  published: boolean;
  date: Date;
}

const RATINGS = [1, 2, 3, 4, 5];
/** Reviews the skeleton holds room for when `limit` does not say, and the most it draws. */
const SKELETON_REVIEWS = 3;
const SKELETON_MOST = 12;
const stars = (rating: number) => '★'.repeat(Math.round(rating)) + '☆'.repeat(5 - Math.round(rating));

/** The article this page is about: its canonical URL, else its address without the fragment. */
const pageItem = () =>
  document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href.split('#')[0]!;

/**
 * An item as feedlets-server stores it: an http(s) address as the URL standard writes it (so
 * `HTTPS://Site.example:443/a` is `https://site.example/a`), any other id as it is.
 */
function itemKey(item: string): string {
  const trimmed = item.trim();
  if (!/^https?:/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed).href;
  } catch {
    return trimmed;
  }
}

/**
 * Readers rate and review an article and see what others said. Reviews come from a JSON Feed
 * whose items carry `_review: { rating, item }`; new ones are POSTed as JSON to the site's own
 * `action` endpoint. The draft is kept in `localStorage` until the server accepts it, and sent
 * with one id through every retry, so a flaky network or a reload loses and doubles nothing.
 *
 * One article's reviews: the element posts to, and shows the reviews of, one item, its `item`
 * attribute or else the page's canonical URL (`<link rel="canonical">`, else the address without
 * its fragment). From a feed of many articles it keeps that item's reviews (and reviews that name
 * no item), and its average is theirs. A feed holds only its newest reviews, so give `src` the
 * server's listing of that one article, as feedlets-server offers with `?item=`:
 * `src="/api/reviews.json?item=https://my-site.example/news/42"`.
 *
 * @summary Star ratings and reviews for an article, with a form that never loses the reader's words.
 *
 * @fires {NewsReviewSubmitEvent} news-review-submit - Before a review is sent. `event.detail` is the
 * payload (`id`, `item`, `rating`, `text`, `name`); add fields to it, or `preventDefault()` to send nothing.
 * @fires {NewsReviewSentEvent} news-review-sent - The server accepted the review.
 * `event.detail` is `{ payload, response }`; `response` has `status`, `published`, `review` and `body`.
 * @fires {NewsReviewErrorEvent} news-review-error - The review could not be sent (after automatic
 * retries for server and network failures). `event.detail.error` is a `ReviewError` with a `code`.
 *
 * @csspart header - The heading: `heading`, else `label`, else "Reviews"; none for `heading="none"`.
 * @csspart title - The same heading (its earlier name).
 * @csspart form-title - The form's heading, one level below the element's own.
 * @csspart average - The average rating and the number of reviews.
 * @csspart list - The list of reviews.
 * @csspart item - One review.
 * @csspart stars - The stars of a review or of the average.
 * @csspart text - A review's text.
 * @csspart meta - A review's author and date.
 * @csspart time - A review's date.
 * @csspart pending - The "Awaiting moderation" mark on the reader's own review.
 * @csspart more - The "Show more" button.
 * @csspart form - The review form.
 * @csspart rating - The star rating group.
 * @csspart star - One star of the rating group.
 * @csspart field - The text area and the name input.
 * @csspart counter - The characters-left counter.
 * @csspart invalid - A validation message.
 * @csspart submit - The send button, which reads "Retry" after a failure that may pass.
 * @csspart form-status - The sending, thank-you and failure messages.
 *
 * @cssprop [--news-star-color=light-dark(#8f5f00, #f2c94c)] - Colour of filled stars: a gold that meets 3:1 contrast on the background.
 * @cssprop [--news-error-color=light-dark(#b3261e, #ffb4ab)] - Colour of validation and failure messages: a red that meets 4.5:1 contrast.
 */
export class NewsReviews extends FeedElement {
  static override styles = [baseStyles, styles];
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    action: { reflect: true },
    item: { reflect: true },
    maxLength: { type: Number, attribute: 'max-length', reflect: true },
    nameField: { attribute: 'name-field', reflect: true },
    headers: { attribute: false },
    credentials: { attribute: false },
    draft: { state: true },
    phase: { state: true },
    failure: { state: true },
    problems: { state: true },
    mine: { state: true },
    pages: { state: true },
    announcement: { state: true },
  };

  /** Keeps "3 minutes ago" true while the page stays open. @internal */
  protected readonly clock = new MinuteClock(this);

  /** Reviews shown at first, and how many more each "Show more" adds. 0 shows all. */
  override limit = 0;

  /** The endpoint new reviews are POSTed to as JSON. Without it the element only shows reviews. */
  action = '';

  /**
   * The article reviewed (its id or URL): sent with each review, and the one whose reviews are
   * shown (with those that name no item). Default: the page's canonical URL.
   */
  item = '';

  /** The longest review, in characters (at most 5000). */
  maxLength = 2000;

  /** Whether the form asks for the reader's name: `optional`, `required` or `hidden`. */
  nameField: 'optional' | 'required' | 'hidden' = 'optional';

  /** Extra headers sent with each review, such as a CSRF token. */
  headers: Record<string, string> = {};

  /** Whether cookies go with each review: `fetch`'s `credentials`, default `same-origin`. */
  credentials: RequestCredentials = 'same-origin';

  private draft: ReviewDraft = { id: '', rating: 0, text: '', name: '' };
  private phase: Phase = 'idle';
  private failure?: ReviewError;
  private problems: Problems = {};
  private mine?: Mine;
  private pages = 1;
  private announcement = '';

  /** @internal */
  protected override english = reviewStrings;

  #drafts?: DraftStore;
  #draftKey?: string;
  #checked = false;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** Cancels the review on its way when the element leaves the page. */
  #sending?: AbortController;

  override selectItems(items: Item[]): Item[] {
    // The item the form posts to: showing another's reviews would put a site's reviews on every page.
    const item = itemKey(this.#item);
    return items
      .filter(({ review }) => review && (!review.item || itemKey(review.item) === item))
      .sort((a, b) => (b.published?.getTime() ?? 0) - (a.published?.getTime() ?? 0));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
    // Nobody is left to see it: stop sending. The draft is kept, so nothing the reader wrote is lost.
    this.#sending?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const key = this.action && JSON.stringify([this.action, this.#item]);
    if (key && key !== this.#draftKey) {
      this.#draftKey = key;
      this.#drafts = new DraftStore(this.action, this.#item);
      this.draft = this.#drafts.load();
      this.#checked = false;
      this.problems = {};
    }
  }

  protected override statusText(status: 'loading' | 'empty' | 'error'): string {
    return this.t(status === 'loading' ? 'loadingReviews' : status === 'empty' ? 'noReviews' : 'reviewsError');
  }

  /** "Reviews" (or `label`) unless `heading` says otherwise. @internal */
  protected override get headerText(): string {
    return headingText(this.heading, this.label || this.t('reviews'));
  }

  get #item() {
    return this.item || pageItem();
  }

  get #max() {
    return Math.min(Math.max(1, this.maxLength || 2000), REVIEW_MAX);
  }

  /** The reader's own review, until the feed carries it (the server used its id for the item). */
  get #mine() {
    const { mine } = this;
    return mine && !this.feedState.items.some((item) => item.id === mine.review.id) ? mine : undefined;
  }

  protected override render() {
    const { status, items } = this.feedState;
    const mine = this.#mine;
    const list = status === 'ready' || mine;
    const title = this.headerText;
    return html`<section
      part="base"
      class="base"
      aria-labelledby=${title ? 'title' : nothing}
      aria-label=${title ? nothing : this.label || this.t('reviews')}
    >
      ${header(this.level, title, 'title', 'title')}
      <div class="reviews" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        ${status === 'ready' ? this.#renderAverage(items) : nothing}
        ${list ? this.renderItems(status === 'ready' ? items : []) : nothing}
        ${status === 'loading' || status === 'error' || (status === 'empty' && !mine) ? this.renderStatus() : nothing}
      </div>
      ${this.action ? this.#renderForm() : nothing}
    </section>`;
  }

  /**
   * The server's average and count over every page (the feed's `_reviews`, as feedlets-server sends)
   * when they are about the reviews shown, i.e. none was left out for naming another item; else
   * those of the reviews this page of the feed holds.
   */
  #summary(items: Item[]): { average: number; count: number } {
    const { feed } = this.feedState;
    if (feed?.reviews && feed.reviews.count >= items.length && feed.items.length === items.length) return feed.reviews;
    return { average: items.reduce((sum, item) => sum + item.review!.rating, 0) / items.length, count: items.length };
  }

  #renderAverage(items: Item[]): TemplateResult {
    const { average, count } = this.#summary(items);
    const avg = new Intl.NumberFormat(this.resolvedLocale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(average);
    // The fill's width is a property binding (CSSOM), not a style attribute: a strict CSP blocks those.
    return html`<p part="average" class="average">
      <span part="stars" class="meter" aria-hidden="true"
        >☆☆☆☆☆<span class="fill" .style=${`inline-size: ${(average / 5) * 100}%`}>★★★★★</span></span
      >
      <span>${this.t('average', { avg })}, ${this.t('reviewCount', { n: count })}</span>
    </p>`;
  }

  protected renderItems(items: Item[]): TemplateResult {
    const shown = this.limit > 0 ? items.slice(0, this.limit * this.pages) : items;
    const mine = this.#mine;
    return html`<ul part="list" class="list" role="list">
        ${mine ? this.#renderMine(mine) : nothing}
        ${shown.map(
          (item) => html`<li part="item" class="item" tabindex="-1" lang=${item.language ?? nothing}>
            ${this.#renderStars(item.review!.rating)}
            <p part="text" class="text" dir="auto">${item.text}</p>
            ${this.#renderMeta(item.authors[0]?.name, item.published)}
          </li>`,
        )}
      </ul>
      ${
        shown.length < items.length
          ? html`<button part="more" class="more" type="button" @click=${this.#showMore}>${this.t('showMore')}</button>`
          : nothing
      }`;
  }

  #renderMine({ review, published, date }: Mine): TemplateResult {
    return html`<li part="item mine" class="item mine" tabindex="-1">
      ${this.#renderStars(review.rating)}
      <p part="text" class="text" dir="auto">${review.text}</p>
      ${this.#renderMeta(review.name, date)}
      ${published ? nothing : html`<p part="pending" class="pending">${this.t('pending')}</p>`}
    </li>`;
  }

  #renderStars(rating: number): TemplateResult {
    return html`<span part="stars" class="stars" role="img" aria-label=${this.t('stars', { n: rating })}>${stars(rating)}</span>`;
  }

  #renderMeta(name: string | undefined, date: Date | undefined): TemplateResult | typeof nothing {
    if (!name && !date) return nothing;
    return html`<p part="meta" class="meta">
      ${name ? html`<span class="name" dir="auto">${name}</span>` : nothing}
      ${date ? html`<time part="time" datetime=${date.toISOString()}>${formatDate(date, this.resolvedLocale)}</time>` : nothing}
    </p>`;
  }

  /**
   * The loaded block's boxes, each line holding hidden text of a typical length: the same fonts
   * make the same line boxes, so `limit` one-line reviews (or three) replace it without a shift.
   */
  protected renderSkeleton(): TemplateResult {
    const ghost = (text: string) => html`<span class="bar"><span class="ghost">${text}</span></span>`;
    const review = html`<li class="item">
      <span class="stars bar"><span class="ghost">${stars(5)}</span></span>
      <p class="text">${ghost('A review of a line or so, in words.')}</p>
      <p class="meta">${ghost('A reader')} ${ghost('23 January 2024')}</p>
    </li>`;
    return html`<p class="average">
        <span class="meter bar"><span class="ghost">${stars(0)}</span></span>${ghost('Average 4.5 out of 5, 3 reviews')}
      </p>
      <ul class="list">
        ${Array.from({ length: Math.min(this.limit || SKELETON_REVIEWS, SKELETON_MOST) }, () => review)}
      </ul>`;
  }

  #renderForm(): TemplateResult {
    const { draft, problems, phase } = this;
    const busy = phase === 'sending' || phase === 'retrying';
    const left = this.#max - draft.text.length;
    const described = (field: Field, ...more: string[]) =>
      [problems[field] ? `${field}-error` : '', ...more].join(' ').trim() || nothing;
    const invalid = (field: Field) => (problems[field] ? 'true' : nothing);
    const message = (field: Field) =>
      problems[field] ? html`<p part="invalid" id="${field}-error" class="invalid">${problems[field]}</p>` : nothing;
    const offerRetry = phase === 'failed' && this.failure?.transient;
    return html`<form part="form" class="form" novalidate aria-labelledby="form-title" aria-busy=${busy ? 'true' : 'false'}
      @submit=${this.#onSubmit} @input=${this.#onInput}>
      ${heading(this.innerLevel, 'form-title', this.t('leaveReview'), 'form-title')}
      <fieldset part="rating" class="rating" aria-describedby=${described('rating')}>
        <legend>${this.t('yourRating')}</legend>
        <div class="choices">
          ${RATINGS.map(
            (n) => html`<input type="radio" class="visually-hidden" id="star-${n}" name="rating" value=${n} required
                aria-invalid=${invalid('rating')} .checked=${live(draft.rating === n)} />
              <label part="star" for="star-${n}" class=${n <= draft.rating ? 'star on' : 'star'}
                ><span aria-hidden="true">${n <= draft.rating ? '★' : '☆'}</span
                ><span class="visually-hidden">${this.t('stars', { n })}</span></label
              >`,
          )}
        </div>
        ${message('rating')}
      </fieldset>
      <label for="text">${this.t('yourReview')}</label>
      <textarea part="field" id="text" name="text" rows="5" dir="auto" required aria-invalid=${invalid('text')}
        aria-describedby=${described('text', 'counter')} .value=${live(draft.text)}></textarea>
      ${message('text')}
      <p part="counter" id="counter" class=${left < 0 ? 'counter over' : 'counter'}>
        ${left < 0 ? this.t('charsOver', { n: -left }) : this.t('charsLeft', { n: left })}
      </p>
      <span class="visually-hidden" aria-live="polite">${this.announcement}</span>
      ${
        this.nameField === 'hidden'
          ? nothing
          : html`<label for="name"
              >${this.t('yourName')}
              ${this.nameField === 'required' ? nothing : html`<span class="optional">${this.t('optional')}</span>`}</label
            >
            <input part="field" id="name" name="name" autocomplete="name" maxlength="100" dir="auto"
              ?required=${this.nameField === 'required'} aria-invalid=${invalid('name')}
              aria-describedby=${described('name')} .value=${live(draft.name)} />
            ${message('name')}`
      }
      <div class="trap" inert aria-hidden="true">
        <label>Website <input name="website" tabindex="-1" autocomplete="off" /></label>
      </div>
      <div class="actions">
        <button part="submit" type="submit" aria-disabled=${busy ? 'true' : nothing}>
          ${offerRetry ? this.t('retry') : this.t('send')}
        </button>
        <p part="form-status" class=${phase === 'failed' ? 'form-status failed' : 'form-status'} role="status">
          ${this.#statusMessage()}
        </p>
      </div>
    </form>`;
  }

  #statusMessage(): string {
    switch (this.phase) {
      case 'sending':
        return this.t('sending');
      case 'retrying':
        return this.t('retrying');
      case 'sent':
        return this.t('sent');
      case 'failed':
        return [this.failure?.reason, this.t('failed')].filter(Boolean).join(' ');
      default:
        return '';
    }
  }

  #problemsOf({ rating, text, name }: ReviewDraft): Problems {
    const problems: Problems = {};
    if (!rating) problems.rating = this.t('ratingRequired');
    if (!text.trim()) problems.text = this.t('textRequired');
    else if (text.length > this.#max) problems.text = this.t('textTooLong', { max: this.#max });
    if (this.nameField === 'required' && !name.trim()) problems.name = this.t('nameRequired');
    return problems;
  }

  #onInput = (event: Event) => {
    const { name, value } = event.target as HTMLInputElement;
    if (name !== 'rating' && name !== 'text' && name !== 'name') return;
    this.draft = { ...this.draft, [name]: name === 'rating' ? Number(value) : value };
    this.#drafts?.save(this.draft);
    if (this.#checked) this.problems = this.#problemsOf(this.draft);
    if (this.phase === 'sent') this.phase = 'idle';
    if (name === 'text') this.#scheduleAnnouncement();
  };

  /** Tells screen readers the count only near the limit, and only once typing pauses. */
  #scheduleAnnouncement() {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const left = this.#max - this.draft.text.length;
      const near = left <= Math.max(10, Math.round(this.#max / 10));
      this.announcement = !near ? '' : left < 0 ? this.t('charsOver', { n: -left }) : this.t('charsLeft', { n: left });
    }, 700);
  }

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.#submit();
  };

  async #submit() {
    if (this.phase === 'sending' || this.phase === 'retrying') return;
    const drafts = this.#drafts!;
    const draft = this.draft;
    this.#checked = true;
    this.problems = this.#problemsOf(draft);
    const first = (['rating', 'text', 'name'] as Field[]).find((field) => this.problems[field]);
    if (first) {
      await this.updateComplete;
      const target = first === 'rating' ? 'input[name="rating"]' : `#${first}`;
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    if (this.renderRoot.querySelector<HTMLInputElement>('input[name="website"]')?.value) {
      // A bot filled the field no person can reach: thank it and send nothing.
      drafts.clear();
      this.#accept(drafts.load());
      return;
    }
    const payload: ReviewPayload = {
      id: draft.id,
      item: this.#item,
      rating: draft.rating,
      text: draft.text.trim(),
      name: this.nameField === 'hidden' ? '' : draft.name.trim(),
    };
    const submit = new NewsReviewSubmitEvent(payload);
    if (!this.dispatchEvent(submit)) return;
    this.phase = 'sending';
    this.failure = undefined;
    const sending = (this.#sending = new AbortController());
    try {
      const response = await sendReview(this.action, submit.detail, {
        headers: this.headers,
        credentials: this.credentials,
        onRetry: () => (this.phase = 'retrying'),
        signal: sending.signal,
      });
      drafts.clear();
      // Words typed while the review was on its way are a new review: keep them, with a new id.
      const { rating, text, name } = this.draft;
      const edited = rating !== draft.rating || text !== draft.text || name !== draft.name;
      const next = edited ? { ...this.draft, id: newId() } : drafts.load();
      drafts.save(next);
      this.mine = { review: response.review, published: response.published, date: new Date() };
      this.#accept(next);
      const sent = new NewsReviewSentEvent(submit.detail, response);
      this.dispatchEvent(sent);
    } catch (error) {
      if (sending.signal.aborted) {
        this.phase = 'idle';
        return;
      }
      const failure = error instanceof ReviewError ? error : new ReviewError('network', String(error));
      this.failure = failure;
      this.phase = 'failed';
      console.error(`[feedlets] <news-reviews>: ${failure.message}`);
      const failed = new NewsReviewErrorEvent(failure, submit.detail);
      this.dispatchEvent(failed);
    } finally {
      if (this.#sending === sending) this.#sending = undefined;
    }
  }

  #accept(next: ReviewDraft) {
    this.draft = next;
    this.#checked = false;
    this.problems = {};
    this.phase = 'sent';
    this.renderRoot.querySelector('form')?.reset();
  }

  #showMore = async () => {
    const first = this.limit * this.pages + (this.#mine ? 1 : 0);
    this.pages++;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('li[part~="item"]')[first]?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'news-reviews': NewsReviews;
  }
}
