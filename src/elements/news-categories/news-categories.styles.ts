import { css } from 'lit';

/**
 * Sections flow into as many columns as the given width holds; tabs wrap rather than scroll, so
 * no category is ever out of sight.
 */
export const categoriesStyles = css`
  :host {
    --_heading-size: var(--news-heading-size, 1.125em);
    --_column: var(--news-column-width, 16rem);
    --_headline-lines: var(--news-headline-lines, 2);
    line-height: 1.4;
  }

  .sections.ready,
  .sections .skeleton {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_column)), 1fr));
    gap: var(--_gap);
  }

  .section,
  .panel {
    min-inline-size: 0;
  }

  .heading {
    margin: 0 0 calc(var(--_gap) / 2);
    font-size: var(--_heading-size);
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Every row is as tall as a headline of the most lines and its date (line-height 1.4 and 0.875em
     of 1.4) and its separator, so the skeleton's rows are the rows that replace them: the list never changes height. */
  /* The headline takes a line of its own; the date and the language's name share the next. */
  .item {
    display: flex;
    flex-flow: row wrap;
    column-gap: 0.5em;
    min-block-size: calc(var(--_gap) + var(--_headline-lines) * 1.4em + 1.225em + 1px);
    padding-block: calc(var(--_gap) / 2);
    min-inline-size: 0;
    border-block-start: 1px solid transparent;
  }

  .link,
  .item > .title {
    flex-basis: 100%;
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_headline-lines);
  }

  .item + .item {
    border-block-start-color: var(--_border);
  }

  .title {
    overflow-wrap: anywhere;
  }

  .time,
  .language {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .time + .language::before {
    content: '·' / '';
    margin-inline-end: 0.5em;
  }

  /* Inner padding keeps a hovered or selected tab off the rail's edges. */
  .tablist {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    padding-inline: calc(var(--_gap) / 4);
    border-block-end: 1px solid var(--_border);
  }

  .tab {
    min-inline-size: 0;
    max-inline-size: 100%;
    padding: 0.5em 0.9em;
    font-weight: 600;
    color: var(--_color);
    background: transparent;
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    border-start-start-radius: var(--_radius);
    border-start-end-radius: var(--_radius);
    overflow-wrap: anywhere;
    text-align: start;
  }

  .tab:hover {
    background: var(--_surface);
  }

  .tab[aria-selected='true'] {
    border-block-end-color: var(--_accent);
  }

  .tab:focus-visible {
    outline-offset: -2px;
  }

  .panel {
    padding-block-start: calc(var(--_gap) / 4);
  }

  /* Bars sit inside the real line boxes, never taller than them. */
  .skeleton .skeleton-line {
    display: inline-block;
    vertical-align: top;
    margin-block-start: 0.15em;
    inline-size: 6em;
  }

  .skeleton .title .skeleton-line {
    inline-size: 90%;
  }

  .skeleton .heading .skeleton-line {
    inline-size: 8em;
  }

  @media (forced-colors: active) {
    .tab[aria-selected='true'] {
      border-block-end-color: Highlight;
    }
  }
`;
