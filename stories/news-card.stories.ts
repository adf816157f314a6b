import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { parseFeed } from '../src/core/parse-feed.js';
import type { Item } from '../src/core/types.js';
import { FEEDS, applyArgs, dark, headingLevel, narrow, rtl } from './support/story-kit.js';

type Args = Record<string, unknown>;

/** Items from the fixture feeds, by id, normalised as `<news-cards>` would give them. */
async function loadItems(): Promise<Record<string, Item>> {
  const items: Record<string, Item> = {};
  for (const src of [FEEDS.news, FEEDS.rtl, FEEDS.longTitles]) {
    const url = new URL(src, document.baseURI).href;
    const feed = parseFeed(await (await fetch(url)).text(), { baseUrl: url });
    for (const item of feed.items) items[item.id] = item;
  }
  return items;
}

const meta: Meta<Args> = {
  title: 'Elements/news-card',
  component: 'news-card',
  loaders: [async () => ({ items: await loadItems() })],
  // `item` picks a fixture by id; the element gets the normalised Item as its `item` property.
  render: (args, { loaded }) => {
    const items = loaded.items as Record<string, Item>;
    return html`<news-card ${applyArgs({ ...args, item: items[String(args.item)] })}></news-card>`;
  },
  decorators: [narrow],
  argTypes: {
    item: {
      control: 'select',
      options: [
        'karabakh-peacekeepers',
        'baku-weather-jan-23',
        'baku-gas-odour',
        'mammadov-peacekeepers',
        'baku-weather-jan-23-ru',
        'long-1',
        'long-2',
        'fa-weather',
        'he-karabakh',
      ],
    },
    locale: { control: 'select', options: ['', 'en', 'ru', 'az', 'fa', 'he'] },
    target: { control: 'inline-radio', options: ['', '_blank', '_self'] },
    'no-images': { control: 'boolean' },
    'no-summary': { control: 'boolean' },
    'no-date': { control: 'boolean' },
    'heading-level': headingLevel,
  },
  args: { item: 'karabakh-peacekeepers' },
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};

export const WithoutImage: Story = { args: { item: 'mammadov-peacekeepers' } };

export const Slim: Story = { args: { 'no-images': true, 'no-summary': true, 'no-date': true } };

export const HeadingLevel2: Story = { args: { 'heading-level': 2 } };

export const OpensInNewTab: Story = { args: { target: '_blank' } };

/** An item whose feed says `"language": "ru"`, on an English page. */
export const RussianItem: Story = { args: { item: 'baku-weather-jan-23-ru', locale: 'ru' } };

export const LongTitle: Story = { args: { item: 'long-1' } };

export const UnbrokenTitle: Story = { args: { item: 'long-2' } };

export const RightToLeft: Story = { args: { item: 'fa-weather' }, decorators: [rtl('fa')] };

export const Hebrew: Story = { args: { item: 'he-karabakh' }, decorators: [rtl('he')] };

export const Dark: Story = { args: { item: 'baku-weather-jan-23' }, decorators: [dark] };
