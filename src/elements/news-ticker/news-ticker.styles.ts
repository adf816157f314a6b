import { css } from 'lit';

/**
 * The ticker: one row whose height is the same in every state, so nothing shifts when the
 * headlines arrive. The track holds two equal copies and moves by exactly one (50 %), so the loop
 * is seamless; only `transform` animates, on the compositor.
 */
export const tickerStyles = css`
  :host {
    --_separator: var(--news-separator, '•');
  }

  .base {
    display: flex;
    align-items: center;
    gap: calc(var(--_gap) / 2);
    min-block-size: 2.75em;
    padding: 0.25em calc(var(--_gap) / 2);
  }

  .badge {
    flex: none;
    padding: 0.1em 0.6em;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    white-space: nowrap;
  }

  .badge[hidden] {
    display: none;
  }

  .body {
    display: flex;
    flex: 1;
    align-items: center;
    min-inline-size: 0;
  }

  /* The row gives the height; the messages keep only their inline padding. */
  .status {
    padding-block: 0;
  }

  .skeleton {
    display: flex;
    flex: 1;
    gap: calc(var(--_gap) * 1.5);
    overflow: clip;
  }

  .skeleton-line {
    flex: none;
    inline-size: 12em;
  }

  .skeleton-line:nth-child(2) {
    inline-size: 9em;
  }

  .viewport {
    flex: 1;
    min-inline-size: 0;
    /* Inline-size containment: however long the headlines, they never widen the page. */
    container-type: inline-size;
    /* clip, not hidden: not a scroll container, so focus cannot scroll the track out of step. */
    overflow-x: clip;
    /* Room inside the clip for a focus ring. */
    padding: 4px;
  }

  .track {
    display: flex;
    inline-size: max-content;
    animation: news-ticker-ltr var(--_duration, 0s) linear infinite;
  }

  .track:dir(rtl) {
    animation-name: news-ticker-rtl;
  }

  :host([paused]) .track,
  .viewport:hover .track,
  .viewport:focus-within .track,
  .still .track {
    animation-play-state: paused;
  }

  .list {
    display: flex;
    flex: none;
    /* A copy at least as wide as the viewport, so a short list still loops without a gap. */
    min-inline-size: 100cqi;
    margin: 0;
    padding: 0;
    list-style: none;
    white-space: nowrap;
  }

  .language {
    margin-inline-start: 0.5em;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .item::after {
    content: var(--_separator) / '';
    margin-inline: 0.75em;
    color: var(--_muted);
  }

  .pause {
    flex: none;
    display: grid;
    place-items: center;
    position: relative;
    inline-size: 2em;
    block-size: 2em;
    padding: 0;
  }

  .pause svg {
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
  }

  @keyframes news-ticker-ltr {
    from {
      transform: translateX(0);
    }
    to {
      transform: translateX(-50%);
    }
  }

  @keyframes news-ticker-rtl {
    from {
      transform: translateX(0);
    }
    to {
      transform: translateX(50%);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .track {
      animation: none;
    }
    .copy,
    .pause {
      display: none;
    }
    .viewport {
      overflow-x: auto;
      scrollbar-width: thin;
    }
  }
`;
