import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FEEDS, applyArgs, dark, feedArgTypes, rtl } from './support/story-kit.js';

type Args = Record<string, unknown>;

const meta: Meta<Args> = {
  title: 'Elements/news-ticker',
  component: 'news-ticker',
  render: (args) => html`<news-ticker ${applyArgs(args)}></news-ticker>`,
  argTypes: {
    ...feedArgTypes,
    speed: { control: { type: 'range', min: 10, max: 300, step: 10 } },
    paused: { control: 'boolean' },
    badge: { control: 'text' },
  },
  args: { src: FEEDS.news, label: 'Latest news' },
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};

export const WithBadge: Story = { args: { badge: 'Latest' } };

export const Paused: Story = { args: { paused: true } };

export const Fast: Story = { args: { speed: 200 } };

/** Politics only, at most three headlines. */
export const OneCategory: Story = { args: { category: 'Politics', limit: 3 } };

export const Russian: Story = { args: { locale: 'ru', label: 'Новости', badge: 'Последние' } };

export const Loading: Story = { args: { src: FEEDS.hang } };

/** Light-DOM children show while the feed loads and beside Retry when it fails. */
export const LoadingWithFallback: Story = {
  args: { src: FEEDS.hang },
  render: (args) =>
    html`<news-ticker ${applyArgs(args)}><a href="https://news.example/">All the news</a></news-ticker>`,
};

export const Empty: Story = { args: { src: FEEDS.empty } };

export const NoMatchingCategory: Story = { args: { category: 'Sport' } };

export const NotFound: Story = { args: { src: FEEDS.missing }, tags: ['feed-error'] };

export const NotAFeed: Story = { args: { src: FEEDS.notAFeed }, tags: ['feed-error'] };

export const ErrorWithFallback: Story = {
  args: { src: FEEDS.missing },
  tags: ['feed-error'],
  render: (args) =>
    html`<news-ticker ${applyArgs(args)}><a href="https://news.example/">All the news</a></news-ticker>`,
};

export const LongTitles: Story = { args: { src: FEEDS.longTitles } };

export const ManyItems: Story = { args: { src: FEEDS.many } };

/** A Persian page: the ticker runs the other way. */
export const RightToLeft: Story = {
  args: { src: FEEDS.rtl, label: 'آخرین اخبار', badge: 'تازه‌ها' },
  decorators: [rtl('fa')],
};

export const Dark: Story = { args: { badge: 'Latest' }, decorators: [dark] };

/**
 * What a reader who asked for less motion sees: nothing moves and every headline stays
 * reachable. Storybook cannot change that setting; turn on "Emulate CSS prefers-reduced-motion:
 * reduce" in DevTools › Rendering (or in the operating system) to see it here. The CI pass
 * (`npm run test-storybook`) emulates it for stories tagged `reduced-motion`.
 */
export const ReducedMotion: Story = { tags: ['reduced-motion'] };
