// Realistic JSON Feeds of any size, the same in the page and in the bench server (plain JS, no
// DOM): deterministic, so every run and every process measures the very same bytes.

const TAGS = ['Politics', 'Economy', 'Social', 'Sport', 'Culture', 'Science', 'World', 'Health'];
const WORDS = (
  'government parliament budget minister reform election court river bridge school hospital ' +
  'festival market energy climate harvest railway museum football league research university ' +
  'village city council water prices workers teachers doctors airport season record exports'
).split(' ');
const NAMES = ['Aysel Mammadova', 'Ivan Petrov', 'Leyla Hasanova', 'Tom Baker', 'Nigar Aliyeva', 'Olga Smirnova'];
const BASE_TIME = Date.UTC(2025, 5, 1, 12, 0);
const MINUTE = 60_000;

/** A small seeded generator (mulberry32): the same sequence on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, list) => list[Math.floor(next() * list.length)];
const words = (next, n) => Array.from({ length: n }, () => pick(next, WORDS)).join(' ');
const sentence = (next, n) => {
  const text = words(next, n);
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
};

/** The title of item `i` (0-based): unique, so a page can look for exactly this headline. */
const storyTitle = (i, next) => `Story ${i + 1}: ${sentence(next, 6).slice(0, -1)}`;

function newsItem(i, next) {
  const id = i + 1;
  const url = `https://news.example/${2025 - (i % 3)}/story-${id}`;
  const item = {
    id: url,
    url,
    // Entities and quotes as real CMSs write them; the first title stays plain so it is easy to find.
    title: i === 0 ? storyTitle(i, next) : `${storyTitle(i, next)} &amp; “${pick(next, WORDS)}”`,
    date_published: new Date(BASE_TIME - i * 37 * MINUTE).toISOString(),
    tags: Array.from(new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, TAGS)))),
    authors: [
      {
        name: pick(next, NAMES),
        url: `https://news.example/authors/${id % 40}`,
        avatar: `https://news.example/a/${id % 40}.jpg`,
      },
    ],
  };
  if (i % 2 === 0) {
    item.summary = `${sentence(next, 18)} ${sentence(next, 12)}`;
  } else {
    // Half the items carry only HTML, which is what makes `Item.text` worth computing lazily.
    item.content_html =
      `<p>${sentence(next, 16)} <a href="${url}#more">${words(next, 3)}</a> ${sentence(next, 10)}</p>` +
      `<figure><img src="https://news.example/i/${id}.jpg" alt="${words(next, 3)}"></figure>` +
      `<p><em>${sentence(next, 6)}</em> ${sentence(next, 14)} &mdash; ${sentence(next, 8)}</p>`;
  }
  if (i % 3 === 0) item.image = `https://news.example/i/${id}.jpg`;
  if (i % 5 === 0) item.date_modified = new Date(BASE_TIME - i * 37 * MINUTE + 20 * MINUTE).toISOString();
  if (i % 7 === 3) item.authors.push({ name: pick(next, NAMES) });
  return item;
}

function reviewItem(i, next) {
  const text = sentence(next, 14);
  // The review's short title is the start of its text, so it is on screen whether an element
  // shows the title, the text or both.
  const title = `Review ${i + 1}: ${text.split(' ').slice(0, 4).join(' ')}`;
  return {
    id: `review-${i + 1}`,
    title,
    content_text: `${title} ${text.split(' ').slice(4).join(' ')}`,
    date_published: new Date(BASE_TIME - i * 53 * MINUTE).toISOString(),
    authors: [{ name: pick(next, NAMES) }],
    _review: { rating: 1 + Math.floor(next() * 5), item: 'https://news.example/2025/story-1' },
  };
}

/**
 * A JSON Feed 1.1 object with `count` items, newest first. `kind` is `news` (articles) or
 * `reviews` (what `<news-reviews>` reads). `version` changes the first item, as an edited feed would.
 */
export function makeFeed(count, kind = 'news', version = 0) {
  const item = kind === 'reviews' ? reviewItem : newsItem;
  const items = Array.from({ length: count }, (_, i) => item(i, random(i + 1)));
  if (version && items[0]) {
    items[0].title = `Update ${version}: ${items[0].title}`;
    if (kind === 'reviews') items[0].content_text = `Update ${version}: ${items[0].content_text}`;
  }
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: kind === 'reviews' ? 'Reader reviews' : 'Turan News',
    home_page_url: 'https://news.example/',
    feed_url: `https://news.example/${kind}.json`,
    language: 'en',
    items,
  };
}

/** The words a reader sees first in `feed`: the first item's title (for reviews, also the start of its text). */
export const firstWords = (feed) => feed.items[0].title;
