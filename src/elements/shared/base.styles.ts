import { css } from 'lit';

/**
 * The theme every element shares (its custom properties are documented on `ThemedElement`).
 * Colours follow the page's `color-scheme` through `light-dark()`, and every pair meets WCAG 2.2
 * AA contrast on its own background.
 */
export const baseStyles = css`
  :host {
    --_color: var(--news-color, light-dark(#1a1a1a, #f1f1f1));
    --_muted: var(--news-muted-color, light-dark(#595959, #b0b0b0));
    --_background: var(--news-background, light-dark(#ffffff, #161616));
    --_surface: var(--news-surface, light-dark(#f4f4f4, #232323));
    --_accent: var(--news-accent, light-dark(#0b57d0, #8ab4f8));
    --_on-accent: var(--news-on-accent, light-dark(#ffffff, #0b1a33));
    --_border: var(--news-border-color, light-dark(#d4d4d4, #3c3c3c));
    --_radius: var(--news-radius, 0.5rem);
    --_gap: var(--news-gap, 1rem);
    --_focus: var(--news-focus-color, var(--_accent));
    display: block;
    font: var(--news-font, inherit);
    color: var(--_color);
    /* No background of its own: the page's shows through (a tinted page stays tinted). The
       surfaces are the cards' and the form fields' (--news-background). */
    background: transparent;
    border-radius: var(--_radius);
    min-width: 0;
    /* Room the site can hold for the widget before its feed arrives (and keep after). */
    min-block-size: var(--news-min-block-size, auto);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: inherit;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }

  a:hover {
    color: var(--_accent);
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 0.35em 0.9em;
    cursor: pointer;
  }

  .header {
    margin: 0 0 calc(var(--_gap) / 2);
    font-size: 1.25em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .status {
    margin: 0;
    padding: calc(var(--_gap) / 2) var(--_gap);
    color: var(--_muted);
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_gap) / 2);
    color: var(--_color);
  }

  .error p {
    margin: 0;
  }

  .skeleton-line {
    display: block;
    height: 1em;
    border-radius: 0.25em;
    background: var(--_surface);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    .skeleton-line {
      background: GrayText;
    }
  }
`;
