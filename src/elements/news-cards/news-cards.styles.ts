import { css } from 'lit';

/**
 * The host is an inline-size container, so the layout follows the width the page gives the
 * element, not the viewport; each list item is a `news-card` container, so a card puts its image
 * beside the text when its own column is wide. Skeleton bars are one line box tall, so text
 * replaces them without a shift.
 */
export const cardsStyles = css`
  :host {
    container-type: inline-size;
  }

  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--news-card-min-width, 16rem)), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list > li {
    container: news-card / inline-size;
    min-inline-size: 0;
  }

  :host([layout='list']) .list,
  :host([layout='compact']) .list {
    grid-template-columns: minmax(0, 1fr);
  }

  :host([layout='compact']) .list {
    column-gap: calc(var(--_gap) * 2);
    row-gap: 0;
  }

  :host([layout='compact']) .list > li {
    padding-block: calc(var(--_gap) * 0.75);
    border-block-end: 1px solid var(--_border);
  }

  @container (min-inline-size: 40rem) {
    :host([layout='compact']) .list {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  .skeleton .title,
  .skeleton .summary {
    display: block;
  }

  .skeleton .skeleton-line {
    block-size: 1lh;
    border-block: 0.2lh solid transparent;
    background-clip: padding-box;
  }

  .skeleton .skeleton-line:last-child:not(:first-child) {
    inline-size: 60%;
  }

  .skeleton .meta .skeleton-line {
    inline-size: 40%;
  }

  .skeleton .tags .skeleton-line {
    inline-size: 5em;
  }

  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(var(--_gap) / 2);
    margin-block-start: var(--_gap);
  }

  .more .status {
    padding: 0;
  }

  .more button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton .skeleton-line {
      animation: pulse 1.5s ease-in-out infinite alternate;
    }
  }

  @keyframes pulse {
    to {
      opacity: 0.55;
    }
  }
`;
