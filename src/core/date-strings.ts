// The date words a language ships, apart from the formatting (format.ts) so that a language table
// can register them without bringing the formatting to a page that shows no dates.
import type { Plural } from './strings.js';

/**
 * How a language writes dates, for a browser whose `Intl` lacks it. `{n}` is a count, its form
 * chosen with `Intl.PluralRules`; `date` places `{d}`, `{month}` and `{y}`.
 */
export interface DateStrings {
  /** Twelve abbreviated month names, January first, as `Intl` writes them in `dateStyle: 'medium'`. */
  months: string[];
  date: string;
  thisMinute: string;
  yesterday: string;
  tomorrow: string;
  minutesAgo: Plural;
  hoursAgo: Plural;
  daysAgo: Plural;
  inMinutes: Plural;
  inHours: Plural;
  inDays: Plural;
}

const dateTables = new Map<string, DateStrings>();

/** Adds the dates of `locale` (`'az'`), used only where the browser's `Intl` lacks the language. */
export function registerDates(locale: string, strings: DateStrings): void {
  dateTables.set(locale.toLowerCase(), strings);
}

/** The shipped dates of `locale` or of its language, if any were registered. */
export const datesOf = (locale: string) => {
  const lower = locale.toLowerCase();
  return dateTables.get(lower) ?? dateTables.get(lower.split('-')[0]!);
};
