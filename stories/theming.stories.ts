import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { FEEDS } from './support/story-kit.js';

type Args = Record<string, string>;

/** The custom properties every element reads, with a "newsprint" theme as the starting values. */
const THEME: Args = {
  '--news-font': "Georgia, 'Times New Roman', serif",
  '--news-color': '#2b2118',
  '--news-muted-color': '#5e5142',
  '--news-background': '#fbf6ec',
  '--news-surface': '#efe5d2',
  '--news-accent': '#8c2f0f',
  '--news-on-accent': '#ffffff',
  '--news-border-color': '#d8c9ae',
  '--news-focus-color': '#8c2f0f',
  '--news-radius': '0',
  '--news-gap': '1.25rem',
};

const argTypes: ArgTypes = Object.fromEntries(
  Object.keys(THEME).map((name) => [
    name,
    {
      control: /color|background|surface|accent/.test(name) ? 'color' : 'text',
      table: { category: 'custom properties' },
    },
  ]),
);

/** Styles for the parts; a page's own stylesheet reaches into the shadow root only this way. */
const PARTS = `.parts-demo news-cards::part(item) {
  border-block-start: 4px solid #0b57d0;
  border-radius: 0;
}
.parts-demo news-cards::part(title) {
  letter-spacing: 0.01em;
}
.parts-demo news-cards::part(tag) {
  color: #ffffff;
  background: #0b57d0;
  border-radius: 999px;
  padding-inline: 0.6em;
}
.parts-demo news-cards::part(image) {
  filter: grayscale(1);
}
.parts-demo news-cards::part(time) {
  font-variant-numeric: tabular-nums;
}`;

const css = (args: Args) =>
  `news-cards {\n${Object.entries(args)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n')}\n}`;

const meta: Meta<Args> = {
  title: 'Theming',
  argTypes,
  args: THEME,
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Left: only `--news-*` custom properties (the controls change them). Right: the default theme
 * with `::part()` rules. Custom properties set colours, type and spacing everywhere at once;
 * parts reach one piece (a card, a tag, a title) for anything the properties do not cover.
 */
export const SideBySide: Story = {
  render: (args) => html`
    <style>
      .theming {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 2rem;
        padding: 1rem;
      }
      .theming pre {
        overflow: auto;
        padding: 0.75rem;
        background: #f4f4f4;
        color: #1a1a1a;
        font-size: 0.8rem;
      }
      ${PARTS}
    </style>
    <div class="theming">
      <section aria-labelledby="props-heading">
        <h2 id="props-heading">Custom properties</h2>
        <news-cards src=${FEEDS.news} limit="4" layout="list" label="Themed with custom properties" style=${styleMap(args)}></news-cards>
        <pre><code>${css(args)}</code></pre>
      </section>
      <section aria-labelledby="parts-heading" class="parts-demo">
        <h2 id="parts-heading">::part()</h2>
        <news-cards src=${FEEDS.news} limit="4" layout="list" label="Styled with parts"></news-cards>
        <pre><code>${PARTS}</code></pre>
      </section>
    </div>
  `,
};

/** Custom properties inherit: set once on a wrapper (or `:root`), every element follows. */
export const SiteWideTheme: Story = {
  render: (args) => html`
    <div style=${styleMap({ ...args, display: 'grid', gap: '1.5rem', padding: '1rem' })}>
      <news-ticker src=${FEEDS.news} label="Latest news" badge="Latest"></news-ticker>
      <news-cards src=${FEEDS.news} limit="3" label="News"></news-cards>
      <news-categories src=${FEEDS.news} categories="Social" limit="3" label="Social"></news-categories>
    </div>
  `,
};
