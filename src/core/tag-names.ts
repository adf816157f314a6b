import { isObject, plain, toLanguage } from './normalise.js';

/**
 * A feed's names for its tags in other languages, from its `_tag_names` extension: language
 * (lower case, `pt-br`) → tag (lower case) → name. Objects without a prototype, so no tag or
 * language can be mistaken for an inherited property.
 */
export type TagNames = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Bounds on what one `_tag_names` can make the parser do: entries looked at, and name length. */
const LANGUAGES_MOST = 20;
const TAGS_MOST = 200;
const NAME_MAX = 60;

const table = () => Object.create(null) as Record<string, string>;

/** At most `most` own entries of a JSON object, without copying a huge one first. */
function* entries(value: Record<string, unknown>, most: number): Generator<[string, unknown]> {
  let seen = 0;
  for (const key in value) {
    if (seen++ >= most) return;
    if (Object.hasOwn(value, key)) yield [key, value[key]];
  }
}

/**
 * Reads `_tag_names` (`{ "ru": { "Politics": "Политика" } }`): hostile input, so only string
 * names are kept, as plain text of at most 60 characters, from at most 20 languages of 200 tags;
 * anything else is dropped. `inherited` (the feed's names, for an item) fills in what `value`
 * does not name. Nothing given gives `inherited`, shared, not copied.
 */
export function toTagNames(value: unknown, inherited?: TagNames): TagNames | undefined {
  if (!isObject(value)) return inherited;
  const names = Object.create(null) as Record<string, Record<string, string>>;
  for (const [language, tags] of entries(value, LANGUAGES_MOST)) {
    const lang = toLanguage(language)?.toLowerCase();
    if (!lang || !isObject(tags)) continue;
    const own = (names[lang] ??= table());
    for (const [tag, name] of entries(tags, TAGS_MOST)) {
      const key = plain(tag, NAME_MAX).toLowerCase();
      const text = plain(name, NAME_MAX);
      if (key && text && !(key in own)) own[key] = text;
    }
  }
  for (const lang in inherited) names[lang] = Object.assign(table(), inherited[lang], names[lang]);
  return Object.keys(names).length ? names : inherited;
}

/** Reads one own string of something that may be a page's own object (an item not from the parser). */
function own(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * `tag` as `names` spell it in `locale`, else in `locale`'s language without region, else `tag`
 * as the feed spells it.
 */
export function tagName(tag: string, locale: string, names: TagNames | undefined): string {
  if (!names) return tag;
  const lang = locale.toLowerCase();
  const key = tag.toLowerCase();
  const name = own(own(names, lang), key) ?? own(own(names, lang.split('-')[0]!), key);
  return typeof name === 'string' && name ? name.slice(0, NAME_MAX) : tag;
}
