import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/core/parse-feed.js';
import { tagName, type TagNames } from '../../src/core/tag-names.js';
import { jsonFeed } from '../helpers/feeds.js';

const item = (extra: Record<string, unknown> = {}) => ({ id: 'a', title: 'A', tags: ['Politics', 'Sport'], ...extra });

/** The names an item gets from a feed whose `_tag_names` is `value`. */
const toTagNames = (value: unknown) => parseFeed(jsonFeed([item()], { _tag_names: value })).items[0]!.tagNames;

describe('_tag_names', () => {
  it("names an item's tags from the feed's names, in any case, by language and then without region", () => {
    const feed = parseFeed(
      jsonFeed([item()], { _tag_names: { ru: { politics: 'Политика' }, 'az-AZ': { Sport: 'İdman' } } }),
    );
    const { tags, tagNames } = feed.items[0]!;
    expect(tags.map((tag) => tagName(tag, 'ru-RU', tagNames))).to.deep.equal(['Политика', 'Sport']);
    expect(tags.map((tag) => tagName(tag, 'az-AZ', tagNames))).to.deep.equal(['Politics', 'İdman']);
    expect(tags.map((tag) => tagName(tag, 'en', tagNames))).to.deep.equal(['Politics', 'Sport']);
  });

  it("lets an item's own names win over the feed's, and keeps the rest of the feed's", () => {
    const feed = parseFeed(
      jsonFeed([item({ _tag_names: { ru: { Sport: 'Спорт!' } } }), item({ id: 'b' }), item({ id: 'c' })], {
        _tag_names: { ru: { Politics: 'Политика', Sport: 'Спорт' }, az: { Sport: 'İdman' } },
      }),
    );
    const [own, plain, other] = feed.items.map((i) => i.tagNames);
    expect(tagName('Sport', 'ru', own)).to.equal('Спорт!');
    expect(tagName('Politics', 'ru', own)).to.equal('Политика');
    expect(tagName('Sport', 'az', own)).to.equal('İdman');
    expect(tagName('Sport', 'ru', plain)).to.equal('Спорт');
    // Items without names of their own share the feed's.
    expect(other).to.equal(plain);
  });

  it('gives an item no names when the feed has none', () => {
    expect(parseFeed(jsonFeed([item()])).items[0]).not.to.have.property('tagNames');
    expect(toTagNames('Политика')).to.equal(undefined);
    expect(toTagNames({ 'not a language!': { Sport: 'Спорт' } })).to.equal(undefined);
  });

  it('keeps only strings, as plain text, and never markup', () => {
    const names = toTagNames({
      ru: {
        Politics: 42,
        Sport: ['Спорт'],
        Weather: { name: 'Погода' },
        Economy: null,
        Culture: '  ',
        Social: '<img src=x onerror=alert(1)>',
      },
      az: 'İdman',
      en: ['x'],
      x1: { Sport: 'nope' },
    })!;
    expect(Object.keys(names)).to.deep.equal(['ru']);
    expect({ ...names.ru }).to.deep.equal({ social: '<img src=x onerror=alert(1)>' });
    // Character references are decoded once into text, as every other feed field is.
    expect(tagName('Sport', 'ru', toTagNames({ ru: { Sport: 'Sport &amp; games' } }))).to.equal('Sport & games');
  });

  it('is bounded: 20 languages, 200 tags each, 60 characters a name', () => {
    const tags = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`tag${i}`, `name ${i}`]));
    const languages = Object.fromEntries(
      [
        'ru',
        'az',
        'de',
        'fr',
        'es',
        'it',
        'pt',
        'nl',
        'pl',
        'cs',
        'sk',
        'sl',
        'hr',
        'sr',
        'bg',
        'uk',
        'be',
        'ka',
        'hy',
        'tr',
        'fa',
        'ar',
      ].map((l) => [l, tags]),
    );
    const names = toTagNames(languages)!;
    expect(Object.keys(names)).to.have.length(20);
    expect(Object.keys(names.ru!)).to.have.length(200);
    expect(tagName('tag999', 'ru', names)).to.equal('tag999');
    const long = toTagNames({ ru: { Sport: 'С'.repeat(100_000) } });
    expect(tagName('Sport', 'ru', long)).to.have.length(60);
  });

  it('cannot be led to inherited properties, from JSON or from a page', () => {
    const parsed = parseFeed(
      '{"version":"https://jsonfeed.org/version/1.1","_tag_names":{"__proto__":{"Sport":"x"},"ru":{"__proto__":"Прото","constructor":"Конструктор"}},"items":[{"id":"a","title":"A","tags":["__proto__","constructor","toString"]}]}',
    );
    const { tagNames } = parsed.items[0]!;
    expect(tagName('__proto__', 'ru', tagNames)).to.equal('Прото');
    expect(tagName('constructor', 'ru', tagNames)).to.equal('Конструктор');
    expect(tagName('toString', 'ru', tagNames)).to.equal('toString');
    expect(({} as Record<string, unknown>).Sport).to.equal(undefined);
    // An item a page made itself, with ordinary objects.
    const page = { ru: {} } as unknown as TagNames;
    expect(tagName('constructor', 'ru', page)).to.equal('constructor');
    expect(tagName('Sport', 'constructor', page)).to.equal('Sport');
    expect(tagName('Sport', 'ru', { ru: { sport: 7 } } as unknown as TagNames)).to.equal('Sport');
  });
});
