import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FEEDS, applyArgs, dark, feedArgTypes, headingLevel, narrow, rtl } from './support/story-kit.js';

type Args = Record<string, unknown>;

const meta: Meta<Args> = {
  title: 'Elements/news-cards',
  component: 'news-cards',
  render: (args) => html`<news-cards ${applyArgs(args)}></news-cards>`,
  argTypes: {
    ...feedArgTypes,
    layout: { control: 'inline-radio', options: ['grid', 'list', 'compact'] },
    'no-images': { control: 'boolean' },
    'no-summary': { control: 'boolean' },
    'no-date': { control: 'boolean' },
    'heading-level': headingLevel,
    paginate: { control: 'boolean' },
  },
  args: { src: FEEDS.news, label: 'News', limit: 6 },
};
export default meta;

type Story = StoryObj<Args>;

export const Grid: Story = { args: { layout: 'grid' } };

export const List: Story = { args: { layout: 'list' } };

export const Compact: Story = { args: { layout: 'compact' } };

/** The grid adapts to the width it is given, not to the window. */
export const NarrowColumn: Story = { decorators: [narrow] };

/** Headlines only: no images, summaries or dates. */
export const Slim: Story = { args: { 'no-images': true, 'no-summary': true, 'no-date': true } };

/** Headings at level 2, for a page whose cards sit directly under its title. */
export const HeadingLevel2: Story = { args: { 'heading-level': 2 } };

/** With the feed's `next_url`, a "More" button loads the next page. */
export const Paginated: Story = { args: { src: FEEDS.paged, paginate: true, limit: 0 } };

export const OneCategory: Story = { args: { category: 'Social' } };

export const Russian: Story = { args: { locale: 'ru', label: 'Новости' } };

export const Loading: Story = { args: { src: FEEDS.hang } };

export const Empty: Story = { args: { src: FEEDS.empty } };

export const NoMatchingCategory: Story = { args: { category: 'Sport' } };

export const NotFound: Story = { args: { src: FEEDS.missing }, tags: ['feed-error'] };

export const NotAFeed: Story = { args: { src: FEEDS.notAFeed }, tags: ['feed-error'] };

export const ErrorWithFallback: Story = {
  args: { src: FEEDS.missing },
  tags: ['feed-error'],
  render: (args) =>
    html`<news-cards ${applyArgs(args)}><a href="https://news.example/">Read the news on our site</a></news-cards>`,
};

export const LongTitles: Story = { args: { src: FEEDS.longTitles } };

export const ManyItems: Story = { args: { src: FEEDS.many, limit: 24, layout: 'compact' } };

export const RightToLeft: Story = { args: { src: FEEDS.rtl, label: 'اخبار' }, decorators: [rtl('fa')] };

export const HebrewList: Story = {
  args: { src: FEEDS.rtl, label: 'חדשות', layout: 'list' },
  decorators: [rtl('he')],
};

export const Dark: Story = { decorators: [dark] };

export const DarkList: Story = { args: { layout: 'list' }, decorators: [dark] };

/** A heading of its own above the cards; the card titles go one level deeper. */
export const WithHeading: Story = { args: { heading: 'Latest news', 'heading-level': 2 } };
