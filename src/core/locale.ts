/** A locale `Intl` accepts: `preferred` when valid, else English. */
export function validLocale(preferred: string | undefined | null): string {
  try {
    return (preferred && Intl.getCanonicalLocales(preferred)[0]) || 'en';
  } catch {
    return 'en';
  }
}

/** The element's `locale`, else the nearest `lang` around it, else the browser's language. */
export function resolveLocale(host: HTMLElement & { locale?: string }): string {
  return validLocale(host.locale || host.closest('[lang]')?.getAttribute('lang') || navigator.language);
}

type WithTextInfo = Intl.Locale & { getTextInfo?(): { direction?: string }; textInfo?: { direction?: string } };

/**
 * `lang` and, for right-to-left scripts, `dir` for content in `language` (an item's `language`).
 * A tag that is not well-formed gives nothing, so a feed's typo never becomes an invalid `lang`.
 */
export function languageOf(language: string | undefined): { lang?: string; dir?: 'rtl' } {
  if (!language) return {};
  try {
    const lang = Intl.getCanonicalLocales(language)[0]!;
    const locale = new Intl.Locale(lang) as WithTextInfo;
    // getTextInfo() is the standard name, textInfo the older one; without either, dir="auto" decides.
    const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    return direction === 'rtl' ? { lang, dir: 'rtl' } : { lang };
  } catch {
    return {};
  }
}
