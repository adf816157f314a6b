import { css } from 'lit';

/**
 * The card's look, shared by `<news-card>` and `<news-cards>` (which draws the same template).
 * The title link stretches over the whole card, so the focus ring goes round the card; tags,
 * summary and meta stay plain text. (Comments live here: text inside css`` ships to readers.)
 *
 * A card's height does not depend on its text: the title and summary are clamped, every line has
 * an explicit height, and the body reserves room for a tags line, the clamped title and summary
 * and the meta line. So the skeleton (the same boxes) is exactly as tall as the card that
 * replaces it, and a card with less text keeps its meta line at the bottom.
 *
 * The meta's separator ends the item before it (no break between them), so when a long date
 * (Russian: "23 января 2024 г.") wraps the line, no line starts with "·".
 */
export const cardStyles = css`
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-inline-size: 0;
    overflow: hidden;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .card:has(a:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .card a:focus-visible {
    outline: none;
  }

  .media {
    flex: none;
    aspect-ratio: var(--news-image-ratio, 16 / 9);
    background: var(--_surface);
  }

  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .body {
    --_title-size: var(--news-title-size, 1.125em);
    --_title-lines: var(--news-title-lines, 3);
    --_summary-lines: var(--news-summary-lines, 3);
    --_stack: 0.5em;
    --_pad-start: calc(var(--_gap) * 0.75);
    --_pad-end: var(--_gap);
    --_summary-room: calc(var(--_summary-lines) * 1.45em + var(--_stack));
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: var(--_stack);
    min-inline-size: 0;
    min-block-size: calc(
      var(--_pad-start) + var(--_pad-end) + 1.05em + var(--_stack) + var(--_title-lines) * 1.3 * var(--_title-size) +
        var(--_summary-room) + var(--_stack) + 1.225em
    );
    padding: var(--_pad-start) var(--_gap) var(--_pad-end);
  }

  :host([no-summary]) .body {
    --_summary-room: 0px;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.75em;
    line-height: 1.4;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_accent);
    overflow-wrap: anywhere;
  }

  .title {
    display: -webkit-box;
    margin: 0;
    overflow: hidden;
    font-size: var(--_title-size);
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_title-lines);
  }

  .title a {
    text-decoration: none;
  }

  .title a:hover,
  .title a:focus-visible {
    text-decoration: underline;
  }

  .title a::after {
    content: '';
    position: absolute;
    inset: 0;
  }

  .summary {
    display: -webkit-box;
    margin: 0;
    overflow: hidden;
    color: var(--_muted);
    line-height: 1.45;
    overflow-wrap: anywhere;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_summary-lines);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    margin: auto 0 0;
    font-size: 0.875em;
    line-height: 1.4;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .meta > :not(:last-child)::after {
    content: '·' / '';
    margin-inline-start: 0.5em;
    white-space: nowrap;
  }

  .compact {
    flex-direction: row;
    align-items: flex-start;
    gap: calc(var(--_gap) * 0.75);
    border: 0;
    border-radius: 0;
    background: none;
    overflow: visible;
  }

  .compact .media {
    flex-basis: 4.5rem;
    aspect-ratio: 1;
    overflow: hidden;
    border-radius: calc(var(--_radius) / 2);
  }

  .compact .body {
    --_title-size: var(--news-title-size, 1em);
    --_stack: 0.25em;
    --_pad-start: 0px;
    --_pad-end: 0px;
    --_summary-room: 0px;
    padding: 0;
  }

  @container news-card (min-inline-size: 34rem) {
    .card:not(.compact) {
      flex-direction: row;
    }
    .card:not(.compact) .media {
      flex-basis: min(40%, 20rem);
      align-self: flex-start;
    }
  }

  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }
  }
`;
