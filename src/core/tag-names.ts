/**
 * A feed's names for its tags in other languages, from its `_tag_names` extension (read by
 * `parseFeed`): language (lower case, `pt-br`) → tag (lower case) → name. Objects without a
 * prototype, so no tag or language can be mistaken for an inherited property.
 */
export type TagNames = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The longest tag name kept, as long as a tag. */
export const TAG_NAME_MAX = 60;

/** One own field of what may be a page's own object (an item that did not come from the parser). */
const own = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/**
 * `tag` as `names` spell it in `locale`, else in `locale`'s language without region, else `tag`
 * as the feed spells it.
 */
export function tagName(tag: string, locale: string, names: TagNames | undefined): string {
  if (!names) return tag;
  const lang = locale.toLowerCase();
  const key = tag.toLowerCase();
  const name = own(own(names, lang), key) ?? own(own(names, lang.split('-')[0]!), key);
  return typeof name === 'string' && name ? name.slice(0, TAG_NAME_MAX) : tag;
}
