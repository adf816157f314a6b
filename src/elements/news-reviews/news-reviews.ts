import { html } from 'lit';
import type { Item } from '../../core/types.js';
import { baseStyles } from '../shared/base.styles.js';
import { FeedElement } from '../shared/feed-element.js';

/**
 * @summary Placeholder until the element is built.
 */
export class NewsReviews extends FeedElement {
  static override styles = [baseStyles];

  protected renderItems(items: Item[]) {
    return html`<ul>${items.map((item) => html`<li>${item.title}</li>`)}</ul>`;
  }

  protected renderSkeleton() {
    return html`<span class="skeleton-line"></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-reviews': NewsReviews;
  }
}
