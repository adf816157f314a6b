import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { parseFeed } from '../../src/core/parse-feed.js';
import { tagName } from '../../src/core/tag-names.js';
import type { Feed } from '../../src/core/types.js';

const FIRST = new URL('/demo/feeds/news.json', location.href).href;
const CATEGORIES = ['Politics', 'Social', 'Economy', 'Weather'];

/** Reads a demo feed as an element would, and counts the items parseFeed would skip. */
async function load(url: string): Promise<{ feed: Feed; raw: { items: unknown[] }; warnings: unknown[][] }> {
  const response = await fetch(url);
  expect(response.status, url).to.equal(200);
  const text = await response.text();
  const warn = sinon.stub(console, 'warn');
  try {
    const feed = parseFeed(text, { baseUrl: url });
    return { feed, raw: JSON.parse(text) as { items: unknown[] }, warnings: warn.args };
  } finally {
    warn.restore();
  }
}

describe('the demo sample feed', () => {
  it('is a valid JSON Feed whose every item is kept', async () => {
    const { feed, raw, warnings } = await load(FIRST);
    expect(warnings, 'parseFeed warnings').to.deep.equal([]);
    expect(feed.items).to.have.length(raw.items.length);
    expect(feed.items.length).to.be.at.least(20);
  });

  it('covers at least four categories, each with several items', async () => {
    const { feed } = await load(FIRST);
    const tags = new Set(feed.items.flatMap((item) => item.tags));
    expect(tags.size).to.be.at.least(4);
    for (const category of CATEGORIES) {
      expect(
        feed.items.filter((item) => item.tags.includes(category)),
        category,
      ).to.have.length.of.at.least(3);
    }
  });

  it('has items in English, Russian and Azerbaijani', async () => {
    const { feed } = await load(FIRST);
    const languages = new Set(feed.items.map((item) => item.language));
    expect([...languages].sort()).to.include.members(['az', 'en', 'ru']);
  });

  it('names every category in Russian and Azerbaijani, on both pages', async () => {
    const { feed } = await load(FIRST);
    const second = await load(feed.nextUrl!);
    for (const item of [...feed.items, ...second.feed.items]) {
      for (const tag of item.tags) {
        for (const language of ['ru', 'az'])
          expect(tagName(tag, language, item.tagNames), `${tag} in ${language}`).to.not.equal(tag);
      }
    }
  });

  it('gives every item a title, a summary, a date, a category and an author, newest first', async () => {
    const { feed } = await load(FIRST);
    for (const item of feed.items) {
      expect(item.title, item.id).to.not.equal('');
      expect(item.text, item.id).to.not.equal('');
      expect(item.published, item.id).to.be.instanceOf(Date);
      expect(item.tags, item.id).to.have.length.of.at.least(1);
      expect(item.authors, item.id).to.have.length.of.at.least(1);
    }
    const times = feed.items.map((item) => item.published!.getTime());
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
  });

  it('carries the seed article: Politics, 21 December 2023 17:11 Baku time', async () => {
    const { feed } = await load(FIRST);
    const article = feed.items.find((item) => item.title === "'Russia does not want to leave Karabakh'");
    expect(article).to.exist;
    expect(article!.tags).to.deep.equal(['Politics']);
    expect(article!.published!.toISOString()).to.equal('2023-12-21T13:11:00.000Z');
    expect(article!.text).to.contain('main guarantor of peace in Karabakh');
  });

  it('names only images that are shipped beside it, as small files', async () => {
    const { feed } = await load(FIRST);
    const images = [...new Set(feed.items.map((item) => item.image).filter(Boolean))] as string[];
    expect(images.length).to.be.at.least(5);
    for (const image of images) {
      expect(new URL(image).origin, image).to.equal(location.origin);
      const response = await fetch(image);
      expect(response.status, image).to.equal(200);
      expect((await response.arrayBuffer()).byteLength, image).to.be.below(20_000);
    }
  });

  it('links to a second page of older items, which ends the paging', async () => {
    const { feed } = await load(FIRST);
    expect(feed.nextUrl).to.equal(new URL('/demo/feeds/news-page-2.json', location.href).href);
    const second = await load(feed.nextUrl!);
    expect(second.warnings).to.deep.equal([]);
    expect(second.feed.items.length).to.be.at.least(3);
    expect(second.feed.nextUrl).to.equal(undefined);
    const firstIds = new Set(feed.items.map((item) => item.id));
    expect(second.feed.items.filter((item) => firstIds.has(item.id))).to.deep.equal([]);
    const oldest = Math.min(...feed.items.map((item) => item.published!.getTime()));
    for (const item of second.feed.items) expect(item.published!.getTime(), item.id).to.be.below(oldest);
  });
});
