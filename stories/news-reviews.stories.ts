import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MOCK } from './support/mock-network.js';
import { ARTICLE, FEEDS, applyArgs, dark, feedArgTypes, narrow, rtl } from './support/story-kit.js';

type Args = Record<string, unknown>;

/**
 * The review endpoints are mocked by msw (`stories/support/mock-network.ts`): a review sent
 * here goes nowhere, and the draft kept in `localStorage` is this browser's only.
 */
const meta: Meta<Args> = {
  title: 'Elements/news-reviews',
  component: 'news-reviews',
  render: (args) => html`<news-reviews ${applyArgs(args)}></news-reviews>`,
  decorators: [narrow],
  argTypes: {
    ...feedArgTypes,
    action: { control: 'select', options: ['', MOCK.reviews, MOCK.reviewsFlaky, MOCK.reviewsDown] },
    item: { control: 'text' },
    'max-length': { control: { type: 'number', min: 1 } },
    'name-field': { control: 'inline-radio', options: ['optional', 'required', 'hidden'] },
    headers: { control: 'object' },
    credentials: { control: 'inline-radio', options: ['same-origin', 'include', 'omit'] },
    onNewsReviewSubmit: { action: 'news-review-submit', table: { disable: true } },
    onNewsReviewSent: { action: 'news-review-sent', table: { disable: true } },
    onNewsReviewError: { action: 'news-review-error', table: { disable: true } },
  },
  args: { src: FEEDS.reviews, action: MOCK.reviews, item: ARTICLE, limit: 3 },
};
export default meta;

type Story = StoryObj<Args>;

/** Send a review: the mock answers 201 and the review shows as awaiting moderation. */
export const Ready: Story = {};

/** Without `action` the element only shows reviews. */
export const ReadOnly: Story = { args: { action: '' } };

export const NameRequired: Story = { args: { 'name-field': 'required' } };

export const NameHidden: Story = { args: { 'name-field': 'hidden' } };

/** A short limit, to watch the character counter. */
export const ShortReviews: Story = { args: { 'max-length': 140 } };

/** The first POST fails with 500; the element retries by itself and the second succeeds. */
export const FlakyEndpoint: Story = { args: { action: MOCK.reviewsFlaky } };

/** Every POST fails with 500: after the automatic retries, the draft stays and Retry is offered. */
export const EndpointDown: Story = { args: { action: MOCK.reviewsDown } };

export const Russian: Story = { args: { locale: 'ru', label: 'Отзывы' } };

export const Loading: Story = { args: { src: FEEDS.hang } };

/** No reviews yet: the form invites the first. */
export const Empty: Story = { args: { src: FEEDS.empty } };

/** The feed has reviews, but none of this article. */
export const NoReviewsOfThisArticle: Story = { args: { item: 'https://news.example/another-article' } };

export const NotFound: Story = { args: { src: FEEDS.missing }, tags: ['feed-error'] };

export const NotAFeed: Story = { args: { src: FEEDS.notAFeed }, tags: ['feed-error'] };

export const LongTexts: Story = { args: { src: FEEDS.longReviews } };

/** Sixty reviews, three shown, with "Show more". */
export const ManyReviews: Story = { args: { src: FEEDS.manyReviews } };

export const RightToLeft: Story = { args: { src: FEEDS.rtlReviews }, decorators: [rtl('fa')] };

export const Dark: Story = { decorators: [dark] };

/** On a page that has its own "Reader reviews" heading: `heading="none"` draws none, and the form's heading takes `heading-level`. */
export const UnderThePagesHeading: Story = { args: { heading: 'none', 'heading-level': 3 } };
