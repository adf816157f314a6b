import { css } from 'lit';

export const styles = css`
  :host {
    --_star: var(--news-star-color, light-dark(#8f5f00, #f2c94c));
    --_danger: var(--news-error-color, light-dark(#b3261e, #ffb4ab));
    /* Field edges need 3:1 against the background (WCAG 1.4.11); the theme's hairline does not. */
    --_field-border: light-dark(#767676, #8f8f8f);
  }

  .base {
    display: grid;
    gap: var(--_gap);
  }

  .header,
  .form-title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }

  .form-title {
    font-size: 1.1em;
  }

  .reviews {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }

  .average {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    font-weight: 600;
  }

  .meter {
    position: relative;
    display: inline-block;
    font-size: 1.25em;
    line-height: 1;
    white-space: nowrap;
    color: var(--_star);
  }

  .fill {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    overflow: hidden;
  }

  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    padding-block: calc(var(--_gap) / 2);
    border-block-start: 1px solid var(--_border);
  }

  .item:first-child {
    border-block-start: 0;
  }

  .stars {
    color: var(--_star);
    letter-spacing: 0.1em;
  }

  .text {
    margin: 0.25em 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .name {
    font-weight: 600;
    color: var(--_color);
  }

  .pending {
    margin: 0.25em 0 0;
    font-size: 0.875em;
    font-style: italic;
    color: var(--_muted);
  }

  .more {
    justify-self: start;
  }

  .form {
    display: grid;
    gap: 0.5em;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend,
  .form > label {
    padding: 0;
    font-weight: 600;
  }

  .optional {
    font-weight: 400;
    color: var(--_muted);
  }

  .choices {
    display: flex;
  }

  .star {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    font-size: 1.75rem;
    line-height: 1;
    color: var(--_muted);
    cursor: pointer;
  }

  .star.on,
  .choices:hover .star {
    color: var(--_star);
  }

  .choices .star:hover ~ .star {
    color: var(--_muted);
  }

  input:focus-visible + .star {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    border-radius: var(--_radius);
  }

  textarea,
  #name {
    inline-size: 100%;
    font: inherit;
    color: var(--_color);
    background: var(--_background);
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
    padding: 0.5em 0.6em;
  }

  textarea {
    resize: vertical;
    min-block-size: 6em;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }

  .counter,
  .invalid,
  .form-status {
    margin: 0;
    font-size: 0.875em;
  }

  .counter {
    color: var(--_muted);
  }

  .counter.over,
  .invalid,
  .form-status.failed {
    color: var(--_danger);
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }

  button[aria-disabled='true'] {
    cursor: progress;
  }

  .trap {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  .skeleton {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }

  .skeleton .bar {
    border-radius: 0.25em;
    background: var(--_surface);
  }

  .skeleton .ghost {
    visibility: hidden;
  }

  @media (forced-colors: active) {
    .skeleton .bar {
      background: GrayText;
    }
    .meter,
    .stars,
    .star,
    .star.on {
      color: CanvasText;
    }
    input:checked + .star {
      color: Highlight;
    }
    input:focus-visible + .star {
      outline-color: Highlight;
    }
  }
`;
