import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Item } from '../../core/types.js';

/**
 * @summary Placeholder until the element is built.
 */
export class NewsCard extends LitElement {
  /** The item to show. */
  @property({ attribute: false }) item?: Item;

  protected override render() {
    return html`${this.item?.title}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-card': NewsCard;
  }
}
