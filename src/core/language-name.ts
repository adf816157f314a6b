/** A language's names for other languages, by lower-case tag: `{ ru: 'rus', en: 'ingilis' }`. */
export type LanguageNames = Readonly<Record<string, string>>;

const tables = new Map<string, LanguageNames>();

/**
 * Adds the names `locale` (`'az'`) gives other languages, used only where the browser's
 * `Intl.DisplayNames` lacks one (Debian's Chromium knows the Azerbaijani for Azerbaijani, no other).
 */
export function registerLanguageNames(locale: string, names: LanguageNames): void {
  tables.set(locale.toLowerCase(), names);
}

/** The language of a tag without region or script: `en-GB` gives `en`. */
const base = (tag: string) => tag.toLowerCase().split('-')[0]!;

/** Whether two language tags name one language (`en` and `en-GB` do). */
export const sameLanguage = (a: string, b: string) => base(a) === base(b);

const intl = new Map<string, Intl.DisplayNames | null>();

/** The engine's names in `locale`, unless it would answer in another language (a locale it lacks). */
function displayNames(locale: string): Intl.DisplayNames | null {
  let names = intl.get(locale);
  if (names === undefined) {
    try {
      const made = new Intl.DisplayNames(locale, { type: 'language', fallback: 'none' });
      names = sameLanguage(made.resolvedOptions().locale, locale) ? made : null;
    } catch {
      names = null;
    }
    intl.set(locale, names);
  }
  return names;
}

function of(names: Intl.DisplayNames | null, language: string): string | undefined {
  try {
    return names?.of(language);
  } catch {
    return undefined; // not a well-formed tag
  }
}

/**
 * The name of `language` written in `locale`, as a label starts: `languageName('ru', 'en')` gives
 * "Russian", `languageName('en', 'az')` "İngilis". From `Intl`, else from the names the locale
 * ships ({@link registerLanguageNames}); '' when neither knows it, never a bare code.
 */
export function languageName(language: string, locale: string): string {
  const lower = locale.toLowerCase();
  const table = tables.get(lower) ?? tables.get(base(lower));
  const name = of(displayNames(locale), language) || table?.[language.toLowerCase()] || table?.[base(language)];
  return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : '';
}

/**
 * What `show-language` writes beside an item: the name of its `language` in `locale`, or '' when
 * the item is in that language, gives none, or gives one nobody can name.
 */
export function foreignLanguageName(language: string | undefined, locale: string): string {
  return language && !sameLanguage(language, locale) ? languageName(language, locale) : '';
}
