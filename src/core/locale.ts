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
  return validLocale(
    host.locale || host.closest('[lang]')?.getAttribute('lang') || navigator.language,
  );
}
