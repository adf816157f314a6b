import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FEEDS, applyArgs, dark, feedArgTypes, headingLevel, narrow, rtl } from './support/story-kit.js';

type Args = Record<string, unknown>;

const meta: Meta<Args> = {
  title: 'Elements/news-categories',
  component: 'news-categories',
  render: (args) => html`<news-categories ${applyArgs(args)}></news-categories>`,
  decorators: [narrow],
  argTypes: {
    ...feedArgTypes,
    categories: { control: 'text' },
    layout: { control: 'inline-radio', options: ['sections', 'tabs'] },
    'heading-level': headingLevel,
  },
  args: { src: FEEDS.news, label: 'Categories', limit: 4 },
};
export default meta;

type Story = StoryObj<Args>;

export const Sections: Story = { args: { layout: 'sections' } };

/** The ARIA tabs pattern: arrow keys, Home and End move between categories. */
export const Tabs: Story = { args: { layout: 'tabs' } };

/** Like the seed page's sidebar: the "Social" block alone. */
export const SocialOnly: Story = { args: { categories: 'Social' } };

/** `categories` chooses and orders them. */
export const ChosenAndOrdered: Story = { args: { categories: 'Social,Politics' } };

export const OnePerCategory: Story = { args: { limit: 1 } };

export const HeadingLevel3: Story = { args: { 'heading-level': 3 } };

export const Russian: Story = { args: { locale: 'ru', label: 'Рубрики' } };

export const Loading: Story = { args: { src: FEEDS.hang } };

export const LoadingTabs: Story = { args: { src: FEEDS.hang, layout: 'tabs' } };

export const Empty: Story = { args: { src: FEEDS.empty } };

export const NoMatchingCategory: Story = { args: { categories: 'Sport' } };

export const NotFound: Story = { args: { src: FEEDS.missing }, tags: ['feed-error'] };

export const NotAFeed: Story = { args: { src: FEEDS.notAFeed }, tags: ['feed-error'] };

export const ErrorWithFallback: Story = {
  args: { src: FEEDS.missing },
  tags: ['feed-error'],
  render: (args) =>
    html`<news-categories ${applyArgs(args)}><a href="https://news.example/">All categories</a></news-categories>`,
};

export const LongTitles: Story = { args: { src: FEEDS.longTitles } };

export const ManyItems: Story = { args: { src: FEEDS.many, limit: 5 } };

export const ManyItemsTabs: Story = { args: { src: FEEDS.many, limit: 5, layout: 'tabs' } };

export const RightToLeft: Story = { args: { src: FEEDS.rtl, label: 'دسته‌ها' }, decorators: [rtl('fa')] };

export const RightToLeftTabs: Story = {
  args: { src: FEEDS.rtl, label: 'קטגוריות', layout: 'tabs' },
  decorators: [rtl('he')],
};

export const Dark: Story = { decorators: [dark] };

export const DarkTabs: Story = { args: { layout: 'tabs' }, decorators: [dark] };
