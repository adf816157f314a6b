import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { foreignLanguageName } from '../../core/language-name.js';
import { headline } from '../../core/text.js';
import type { Item } from '../../core/types.js';
import { baseStyles } from '../shared/base.styles.js';
import { FeedElement } from '../shared/feed-element.js';
import { tickerStyles } from './news-ticker.styles.js';

/** The `speed` used when it is not a positive number. */
const DEFAULT_SPEED = 60;
/** Headlines shown without a `limit`: more would take minutes to go round, and a feed may hold 10,000. */
const MOST = 50;
/** Room left beside a headline that focus brings into view, so its focus ring shows. */
const FOCUS_MARGIN = 8;

const pauseIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 3h3v10H4zm5 0h3v10H9z" /></svg>`;
const playIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4.5 2.5v11l9-5.5z" /></svg>`;

/**
 * One line of headline links scrolling as a seamless loop, at a constant speed, in the reading
 * direction. A visible button pauses it (WCAG 2.2.2), as do hovering over the headlines and moving
 * focus into them. Under `prefers-reduced-motion: reduce` nothing moves: the headlines become a row
 * that scrolls by hand. The loop's second copy is hidden from assistive technology and from Tab.
 * Without a `limit`, it shows the first 50 headlines.
 *
 * @summary A headline ticker that readers can pause.
 * @tag news-ticker
 *
 * @slot badge - A badge before the headlines, replacing the `badge` attribute's text.
 *
 * @csspart badge - The badge before the headlines.
 * @csspart viewport - The window the headlines move through.
 * @csspart list - The list of headlines.
 * @csspart item - One headline with the separator after it.
 * @csspart link - A headline's link.
 * @csspart title - A headline's text (the link itself, or plain text when the item has no safe URL).
 * @csspart language - The name of a headline's language, after it (`show-language`).
 * @csspart pause - The pause / play button.
 *
 * @cssprop [--news-separator='•'] - What separates headlines, as a CSS `content` value.
 */
export class NewsTicker extends FeedElement {
  static override styles = [baseStyles, tickerStyles];
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    speed: { type: Number, reflect: true },
    paused: { type: Boolean, reflect: true },
    badge: { reflect: true },
    showLanguage: { type: Boolean, reflect: true, attribute: 'show-language' },
  };

  /** The most headlines in the loop. 0 shows the first 50. */
  override limit = 0;

  /** Scrolling speed in CSS pixels per second, the same whatever the length of the headlines. */
  speed: number = 60;

  /** Stops the headlines. The pause button sets and clears it. */
  paused = false;

  /** Text of a badge before the headlines, such as "Latest". None by default; the `badge` slot replaces it. */
  badge = '';

  /**
   * Names each headline's language (its own `language`, else the feed's) after it when it is not
   * the element's, in the element's language: for feeds that mix languages.
   */
  showLanguage = false;

  #list?: HTMLElement;
  /** The width of one copy of the headlines: how far the loop moves before it repeats. */
  #distance = 0;
  #offscreen = false;
  #resizes?: ResizeObserver;
  #sightings?: IntersectionObserver;

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#sightings = new IntersectionObserver((entries) => {
      this.#offscreen = !entries.at(-1)!.isIntersecting;
      this.requestUpdate();
    });
    this.#sightings.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#observe();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#sightings?.disconnect();
  }

  override selectItems(items: Item[]): Item[] {
    const chosen = super.selectItems(items);
    return this.limit > 0 ? chosen : chosen.slice(0, MOST);
  }

  protected override updated(changed: PropertyValues<this>) {
    // The list comes and goes with the feed's state, and is let go while disconnected: measure
    // the one shown (the IntersectionObserver updates a moved ticker at once).
    const list = this.#renderedList();
    if (list !== this.#list) this.#observe(list);
    if (changed.has('speed')) this.#retime(this.#distance);
    // `paused`, or scrolled away or hidden: any of them may have just paused the animation.
    void this.#settle();
  }

  protected override render() {
    const { status, items } = this.feedState;
    // Nobody can see it: let the compositor rest.
    const still = this.#offscreen || document.visibilityState === 'hidden';
    return html`${this.renderHeader()}<section
      part="base"
      class="base ${status} ${still ? 'still' : ''}"
      aria-label=${this.label || this.headerText || this.t('latest')}
      aria-busy=${status === 'loading' ? 'true' : 'false'}
    >
      ${this.#renderBadge()}
      ${status === 'ready' ? this.renderItems(items) : html`<div class="body">${this.renderStatus()}</div>`}
    </section>`;
  }

  protected renderItems(items: Item[]): TemplateResult {
    return html`<div part="viewport" class="viewport" @pointerenter=${this.#settle} @focusin=${this.#reveal}>
        <div class="track">
          <ul part="list" class="list" role="list">
            ${items.map((item) => this.#renderItem(item, false))}
          </ul>
          <ul part="list" class="list copy" aria-hidden="true">
            ${items.map((item) => this.#renderItem(item, true))}
          </ul>
        </div>
      </div>
      <button part="pause" class="pause" type="button" @click=${this.#toggle}>
        ${this.paused ? playIcon : pauseIcon}<span class="visually-hidden">${this.t(this.paused ? 'play' : 'pause')}</span>
      </button>`;
  }

  protected renderSkeleton(): TemplateResult {
    return html`<span class="skeleton-line"></span><span class="skeleton-line"></span><span class="skeleton-line"></span>`;
  }

  #renderBadge(): TemplateResult {
    const slotted = this.querySelector(':scope > [slot="badge"]');
    return html`<span part="badge" class="badge" ?hidden=${!this.badge && !slotted}>
      <slot name="badge" @slotchange=${() => this.requestUpdate()}>${this.badge}</slot>
    </span>`;
  }

  /**
   * The copy's links keep their `href` so a click on a headline in the copy still opens it, but
   * `tabindex="-1"` keeps them out of Tab order (`inert` would also swallow those clicks).
   */
  #renderItem(item: Item, copy: boolean): TemplateResult {
    const text = headline(item);
    const locale = this.resolvedLocale;
    const language = this.showLanguage
      ? foreignLanguageName(item.language || this.feedState.feed?.language, locale)
      : '';
    return html`<li part="item" class="item" lang=${item.language || nothing}>${
      item.url
        ? html`<a
          part="link title"
          href=${item.url}
          target=${this.target || nothing}
          rel=${this.rel ?? nothing}
          tabindex=${copy ? '-1' : nothing}
          dir="auto"
          >${text}</a
        >`
        : html`<span part="title" dir="auto">${text}</span>`
    }${language ? html`<span part="language" class="language" lang=${locale}>${language}</span>` : nothing}</li>`;
  }

  #toggle = () => {
    this.paused = !this.paused;
  };

  #onVisibility = () => this.requestUpdate();

  #renderedList() {
    return this.renderRoot.querySelector<HTMLElement>('.list:not(.copy)') ?? undefined;
  }

  #observe = (list?: Element) => {
    this.#resizes?.disconnect();
    this.#list = list as HTMLElement | undefined;
    this.#distance = 0;
    if (!list) return;
    this.#resizes ??= new ResizeObserver((entries) => this.#retime(entries.at(-1)!.borderBoxSize[0]!.inlineSize));
    this.#resizes.observe(list);
  };

  #animation() {
    return this.#list?.parentElement?.getAnimations()[0];
  }

  /**
   * Once a pause has taken effect, sets the animation's clock to where the headlines are drawn.
   * Firefox draws a paused CSS animation up to a frame away from its `currentTime`, and puts it
   * back at that time on its next restyle: a resize or new headlines would make them jump.
   */
  #settle = async () => {
    const animation = this.#animation();
    const track = this.#list?.parentElement;
    if (!animation || !track) return;
    try {
      await animation.ready;
    } catch {
      return; // cancelled: the ticker was removed while the pause was pending
    }
    const timing = animation.effect?.getComputedTiming();
    const duration = Number(timing?.duration);
    if (animation.playState !== 'paused' || timing?.progress == null || timing.currentIteration == null || !duration)
      return;
    const shift = Math.abs(new DOMMatrixReadOnly(getComputedStyle(track).transform).m41);
    // The track holds two copies and moves by one: half its width is a whole loop.
    const loop = track.getBoundingClientRect().width / 2;
    // Chromium draws it where its clock says: a seek would only add rounding.
    if (Math.abs(shift - timing.progress * loop) < 0.05) return;
    animation.currentTime = (timing.currentIteration + shift / loop) * duration;
  };

  /**
   * Sets the duration that gives `speed` over `distance`, and moves the animation's clock so the
   * headlines stay where they are on screen: a resize, new content or a new speed never jumps.
   */
  #retime(distance: number) {
    const track = this.#list?.parentElement;
    if (!track || !distance) return;
    const duration = (distance / (this.speed > 0 ? this.speed : DEFAULT_SPEED)) * 1000;
    const animation = this.#animation();
    const progress = animation?.effect?.getComputedTiming().progress;
    track.style.setProperty('--_duration', `${duration}ms`);
    if (animation && progress != null && this.#distance) {
      animation.currentTime = (((progress * this.#distance) % distance) / distance) * duration;
    }
    this.#distance = distance;
  }

  /**
   * Brings a focused headline into view. The moving viewport clips rather than scrolls, so the
   * browser cannot do it: the animation's clock moves instead, and the loop resumes from there.
   */
  #reveal = async (event: FocusEvent) => {
    const view = event.currentTarget as Element;
    const target = event.target as Element;
    const animation = this.#animation();
    // Reduced motion: the row scrolls, and a headline cut off at the edge should show whole.
    if (!animation) return target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // Focus has just paused it; a seek made while that pause is pending would be lost.
    await this.#settle();
    const timing = animation.effect?.getComputedTiming();
    const distance = this.#distance;
    if (timing?.progress == null || !timing.duration || !distance) return;
    const frame = view.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    if (box.left >= frame.left && box.right <= frame.right) return;
    const shift = this.#list!.matches(':dir(rtl)')
      ? frame.right - FOCUS_MARGIN - box.right
      : box.left - frame.left - FOCUS_MARGIN;
    // The first headline can come no further than the start: the loop never runs backwards.
    const offset = Math.max(0, timing.progress * distance + shift) % distance;
    animation.currentTime = (offset / distance) * Number(timing.duration);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'news-ticker': NewsTicker;
  }
}
