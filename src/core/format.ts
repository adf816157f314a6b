import { hasOwnString, translator, type StringKey } from './strings.js';

const WEEK = 7 * 24 * 3600 * 1000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000],
];

type Formatter = (date: Date, diff: number) => string;
const relative = new Map<string, Formatter>();
const absolute = new Map<string, Formatter>();

const knows = new Map<string, boolean>();

/**
 * Whether the engine has `locale`'s words. `supportedLocalesOf` is not enough: Debian's Chromium
 * claims Azerbaijani, then writes "2024 M01 23" and "this minute". Only asked for a language that
 * ships its own strings to use instead.
 */
function intlKnows(locale: string): boolean {
  let known = knows.get(locale);
  if (known === undefined) {
    const claimed =
      Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 && Intl.RelativeTimeFormat.supportedLocalesOf(locale).length > 0;
    const month = claimed && new Intl.DateTimeFormat(locale, { month: 'long' }).format(new Date(2024, 0, 15));
    const ago = (l: string) => new Intl.RelativeTimeFormat(l).format(-2, 'hour');
    known = !!month && !/^M\d+$/.test(month) && ago(locale) !== ago('en');
    knows.set(locale, known);
  }
  return known;
}

/** Whether `locale` is written with its shipped strings because the engine lacks its data. */
const shipped = (locale: string) => hasOwnString(locale, 'months') && !intlKnows(locale);

function relativeFormatter(locale: string): Formatter {
  const unitOf = (diff: number) => UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? UNITS[2]!;
  if (!shipped(locale)) {
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return (_, diff) => {
      const [unit, size] = unitOf(diff);
      return rtf.format(Math.trunc(diff / size), unit);
    };
  }
  const t = translator(locale);
  return (_, diff) => {
    const [unit, size] = unitOf(diff);
    const n = Math.trunc(diff / size);
    if (n === 0) return t('thisMinute');
    if (unit === 'day' && Math.abs(n) === 1) return t(n < 0 ? 'yesterday' : 'tomorrow');
    const units = `${unit[0]!.toUpperCase()}${unit.slice(1)}s`;
    return t((n < 0 ? `${unit}sAgo` : `in${units}`) as StringKey, { n: Math.abs(n) });
  };
}

function absoluteFormatter(locale: string): Formatter {
  if (!shipped(locale)) {
    const dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return (date) => dtf.format(date);
  }
  const t = translator(locale);
  const months = t('months').split(' ');
  return (date) => t('date', { d: date.getDate(), month: months[date.getMonth()]!, y: date.getFullYear() });
}

/**
 * A date as a reader expects it in `locale`: relative within a week ("3 hours ago"), absolute
 * beyond ("21 Dec 2023"). An invalid date gives '', never "Invalid Date".
 */
export function formatDate(date: Date, locale: string, now = Date.now()): string {
  const diff = date.getTime() - now;
  if (Number.isNaN(diff)) return '';
  const [cache, make] = Math.abs(diff) < WEEK ? [relative, relativeFormatter] : [absolute, absoluteFormatter];
  let format = cache.get(locale);
  if (!format) cache.set(locale, (format = make(locale)));
  return format(date, diff);
}
