import { LitElement } from 'lit';

/**
 * What every element shares for theming: the custom properties of `baseStyles`, documented once
 * here, where the Custom Elements Manifest reads them for each element. It adds no behaviour.
 *
 * @cssprop [--news-font=inherit] - Font. Default: the page's.
 * @cssprop [--news-color=light-dark(#1a1a1a, #f1f1f1)] - Text colour.
 * @cssprop [--news-muted-color=light-dark(#595959, #b0b0b0)] - Colour of dates, summaries, separators and messages.
 * @cssprop [--news-background=light-dark(#ffffff, #161616)] - Background of the cards and form fields. The element itself has none: the page shows through.
 * @cssprop [--news-surface=light-dark(#f4f4f4, #232323)] - Background of image boxes, skeletons and hovered tabs.
 * @cssprop [--news-accent=light-dark(#0b57d0, #8ab4f8)] - Tags, hovered links, the selected tab, badges and buttons.
 * @cssprop [--news-on-accent=light-dark(#ffffff, #0b1a33)] - Text on the accent colour.
 * @cssprop [--news-border-color=light-dark(#d4d4d4, #3c3c3c)] - Card borders and separators.
 * @cssprop [--news-focus-color=var(--news-accent)] - Focus ring: the accent colour unless set.
 * @cssprop [--news-radius=0.5rem] - Corner radius.
 * @cssprop [--news-gap=1rem] - Spacing unit: between and inside cards, rows and sections.
 * @cssprop [--news-min-block-size=auto] - Least block size (height) of the element, in every state: room a page can hold while the feed loads.
 */
export abstract class ThemedElement extends LitElement {}
