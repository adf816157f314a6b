import { datesOf, type DateStrings } from './date-strings.js';
import type { Plural } from './strings.js';

const WEEK = 7 * 24 * 3600 * 1000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000],
];

type Formatter = (date: Date, diff: number) => string;
type Made = { table: DateStrings | undefined; format: Formatter };
// Each formatter is kept with the shipped table it was made from: through the loader a language's
// table arrives after its first dates are drawn, and from then on the table must be used.
const relative = new Map<string, Made>();
const absolute = new Map<string, Made>();

const knows = new Map<string, boolean>();

/**
 * Whether the engine has `locale`'s words. `supportedLocalesOf` is not enough: Debian's Chromium
 * claims Azerbaijani, then writes "2024 M01 23" and "this minute". Only asked for a language that
 * ships its own dates (`registerDates`) to use instead.
 */
function intlKnows(locale: string): boolean {
  let known = knows.get(locale);
  if (known === undefined) {
    const claimed =
      Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 &&
      Intl.RelativeTimeFormat.supportedLocalesOf(locale).length > 0;
    const month = claimed && new Intl.DateTimeFormat(locale, { month: 'long' }).format(new Date(2024, 0, 15));
    const ago = (l: string) => new Intl.RelativeTimeFormat(l).format(-2, 'hour');
    known = !!month && !/^M\d+$/.test(month) && ago(locale) !== ago('en');
    knows.set(locale, known);
  }
  return known;
}

/** The shipped `table` of `locale`, when the engine lacks its data. */
const needed = (locale: string, table: DateStrings | undefined) => (table && !intlKnows(locale) ? table : undefined);

function relativeFormatter(locale: string, shipped: DateStrings | undefined): Formatter {
  const unitOf = (diff: number) => UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? UNITS[2]!;
  const table = needed(locale, shipped);
  if (!table) {
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return (_, diff) => {
      const [unit, size] = unitOf(diff);
      return rtf.format(Math.trunc(diff / size), unit);
    };
  }
  const rules = new Intl.PluralRules(locale);
  const phrases: Record<string, [past: Plural, future: Plural]> = {
    minute: [table.minutesAgo, table.inMinutes],
    hour: [table.hoursAgo, table.inHours],
    day: [table.daysAgo, table.inDays],
  };
  return (_, diff) => {
    const [unit, size] = unitOf(diff);
    const n = Math.trunc(diff / size);
    if (n === 0) return table.thisMinute;
    if (unit === 'day' && Math.abs(n) === 1) return n < 0 ? table.yesterday : table.tomorrow;
    const phrase = phrases[unit]![n < 0 ? 0 : 1];
    return (phrase[rules.select(Math.abs(n))] ?? phrase.other).replace('{n}', String(Math.abs(n)));
  };
}

function absoluteFormatter(locale: string, shipped: DateStrings | undefined): Formatter {
  const table = needed(locale, shipped);
  if (!table) {
    const dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return (date) => dtf.format(date);
  }
  return (date) =>
    table.date
      .replace('{d}', String(date.getDate()))
      .replace('{month}', table.months[date.getMonth()]!)
      .replace('{y}', String(date.getFullYear()));
}

/**
 * A date as a reader expects it in `locale`: relative within a week ("3 hours ago"), absolute
 * beyond ("21 Dec 2023"). An invalid date gives '', never "Invalid Date".
 */
export function formatDate(date: Date, locale: string, now = Date.now()): string {
  const diff = date.getTime() - now;
  if (Number.isNaN(diff)) return '';
  const [cache, make] = Math.abs(diff) < WEEK ? [relative, relativeFormatter] : [absolute, absoluteFormatter];
  const table = datesOf(locale);
  let made = cache.get(locale);
  if (!made || made.table !== table) cache.set(locale, (made = { table, format: make(locale, table) }));
  return made.format(date, diff);
}
