const WEEK = 7 * 24 * 3600 * 1000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000],
];

const relative = new Map<string, Intl.RelativeTimeFormat>();
const absolute = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as a reader expects it in `locale`: relative within a week ("3 hours ago"), absolute
 * beyond ("21 Dec 2023"). An invalid date gives '', never "Invalid Date".
 */
export function formatDate(date: Date, locale: string, now = Date.now()): string {
  const diff = date.getTime() - now;
  if (Number.isNaN(diff)) return '';
  if (Math.abs(diff) < WEEK) {
    let rtf = relative.get(locale);
    if (!rtf) relative.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
    const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['minute', 60_000];
    return rtf.format(Math.trunc(diff / size), unit);
  }
  let dtf = absolute.get(locale);
  if (!dtf) absolute.set(locale, (dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })));
  return dtf.format(date);
}
