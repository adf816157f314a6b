import type { reviewStrings } from './review-strings.js';

/** A message that depends on a count, chosen with `Intl.PluralRules`; `{n}` is the count. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const en = {
  loading: 'Loading news…',
  empty: 'No headlines yet.',
  error: 'The news could not be loaded.',
  retry: 'Retry',
  pause: 'Pause headlines',
  play: 'Play headlines',
  latest: 'Latest',
  more: 'More',
  categories: 'Categories',
  other: 'Other',
  corsBlocked: '{host} does not allow this site to read its news.',
};

/** Every message an element can show, in English: the keys and the fallback of every locale. */
export type Strings = typeof en & typeof reviewStrings;
export type StringKey = keyof Strings;

const tables = new Map<string, Partial<Strings>>([['en', en]]);
const rules = new Map<string, Intl.PluralRules>();

/**
 * Adds or extends the messages for `locale` (`'ru'`, `'pt-BR'`). Missing keys fall back to the
 * language without region, then to English.
 */
export function registerStrings(locale: string, strings: Partial<Strings>): void {
  const key = locale.toLowerCase();
  tables.set(key, { ...tables.get(key), ...strings });
}

const lazy = new Map<string, () => Promise<unknown>>();
const arriving = new Map<string, Promise<unknown>>();

/**
 * Names a module that registers the messages of `language` (`'ru'`), imported the first time an
 * element needs that language: the loader's way to ship languages no page pays for until it uses them.
 */
export function registerLazyStrings(language: string, load: () => Promise<unknown>): void {
  lazy.set(language.toLowerCase(), load);
}

/**
 * Settles once the messages of `locale`'s language, imported on first use, are registered;
 * `undefined` when there is nothing to wait for.
 */
export function stringsReady(locale: string): Promise<unknown> | undefined {
  const language = locale.toLowerCase().split('-')[0]!;
  const load = lazy.get(language);
  if (load) {
    lazy.delete(language);
    const loading = load()
      .catch((error: unknown) => console.error(`[feedlets] the ${language} messages could not be loaded:`, error))
      .finally(() => arriving.delete(language));
    arriving.set(language, loading);
  }
  return arriving.get(language);
}

function lookup(locale: string, key: StringKey, english: Partial<Strings>): Strings[StringKey] {
  const lower = locale.toLowerCase();
  const found = tables.get(lower)?.[key] ?? tables.get(lower.split('-')[0]!)?.[key] ?? english[key];
  return found ?? (en as Partial<Strings>)[key]!;
}

/**
 * Returns a translator for `locale`: `t('retry')` gives "Retry". `english` holds the English
 * messages of an element that keeps its own (`reviewStrings`: `t('stars', { n: 3 })` gives "3 stars").
 */
export function translator(locale: string, english: Partial<Strings> = {}) {
  return (key: StringKey, vars: Record<string, string | number> = {}): string => {
    let message = lookup(locale, key, english);
    if (typeof message === 'object') {
      let pr = rules.get(locale);
      if (!pr) rules.set(locale, (pr = new Intl.PluralRules(locale)));
      message = message[pr.select(Number(vars.n))] ?? message.other;
    }
    return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}

export type Translate = ReturnType<typeof translator>;
