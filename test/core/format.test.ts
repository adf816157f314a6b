import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { registerDates } from '../../src/core/date-strings.js';
import { formatDate } from '../../src/core/format.js';
import { azDates } from '../../src/locales/az.js';
import '../../src/locales/ru.js';

const NOW = Date.UTC(2024, 0, 10, 12, 0, 0);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(NOW + offset);

describe('formatDate', () => {
  it('is relative within a week, in English', () => {
    expect(formatDate(at(-30_000), 'en', NOW)).to.equal('this minute');
    expect(formatDate(at(-5 * 60_000), 'en', NOW)).to.equal('5 minutes ago');
    expect(formatDate(at(-3 * HOUR), 'en', NOW)).to.equal('3 hours ago');
    expect(formatDate(at(-DAY), 'en', NOW)).to.equal('yesterday');
    expect(formatDate(at(-6 * DAY - 23 * HOUR), 'en', NOW)).to.equal('6 days ago');
    expect(formatDate(at(2 * DAY), 'en', NOW)).to.equal('in 2 days');
  });

  it('is relative within a week, in Russian', () => {
    expect(formatDate(at(-3 * HOUR), 'ru', NOW)).to.equal('3 часа назад');
    expect(formatDate(at(-5 * HOUR), 'ru', NOW)).to.equal('5 часов назад');
    expect(formatDate(at(-21 * 60_000), 'ru', NOW)).to.equal('21 минуту назад');
    expect(formatDate(at(-DAY), 'ru', NOW)).to.equal('вчера');
  });

  it('is absolute beyond a week', () => {
    const old = new Date(Date.UTC(2023, 11, 21, 17, 11));
    expect(formatDate(old, 'en', NOW)).to.equal('Dec 21, 2023');
    expect(formatDate(old, 'en-GB', NOW)).to.equal('21 Dec 2023');
    expect(formatDate(old, 'ru', NOW)).to.match(/^21 дек\. 2023/);
    expect(formatDate(at(8 * DAY), 'en', NOW)).to.equal('Jan 18, 2024');
  });

  it('gives nothing for an invalid date', () => {
    expect(formatDate(new Date(Number.NaN), 'en', NOW)).to.equal('');
  });

  it('measures from the current time by default', () => {
    expect(formatDate(new Date(Date.now() - 2 * HOUR), 'en')).to.equal('2 hours ago');
  });

  describe('in a browser whose Intl lacks the language', () => {
    afterEach(() => sinon.restore());

    it('writes Azerbaijani months and relative times, whether or not the engine has Azerbaijani', () => {
      expect(formatDate(new Date(2024, 0, 23, 12), 'az', NOW + 30 * DAY)).to.equal('23 yan 2024');
      expect(formatDate(new Date(2024, 8, 5, 12), 'az', NOW + 300 * DAY)).to.equal('5 sen 2024');
      expect(formatDate(at(-30_000), 'az', NOW)).to.equal('bu dəqiqə');
      expect(formatDate(at(-5 * 60_000), 'az', NOW)).to.equal('5 dəqiqə öncə');
      expect(formatDate(at(-3 * HOUR), 'az', NOW)).to.equal('3 saat öncə');
      expect(formatDate(at(-DAY), 'az', NOW)).to.equal('dünən');
      expect(formatDate(at(2 * DAY), 'az', NOW)).to.equal('2 gün ərzində');
    });

    it('falls back to the shipped strings, which read as Intl does where it knows the language', () => {
      // A region no other test formats, so no formatter made earlier is reused.
      const locale = 'ru-KZ';
      const old = new Date(2023, 11, 21, 17, 11);
      const intl = [
        formatDate(old, locale, NOW),
        ...[-30_000, -21 * 60_000, -5 * HOUR, -DAY, 3 * HOUR].map((ms) => formatDate(at(ms), locale, NOW)),
      ];
      expect(intl).to.deep.equal([
        '21 дек. 2023 г.',
        'в эту минуту',
        '21 минуту назад',
        '5 часов назад',
        'вчера',
        'через 3 часа',
      ]);
      sinon.stub(Intl.DateTimeFormat, 'supportedLocalesOf').returns([]);
      sinon.stub(Intl.RelativeTimeFormat, 'supportedLocalesOf').returns([]);
      const other = 'ru-BY';
      const shipped = [
        formatDate(old, other, NOW),
        ...[-30_000, -21 * 60_000, -5 * HOUR, -DAY, 3 * HOUR].map((ms) => formatDate(at(ms), other, NOW)),
      ];
      expect(shipped).to.deep.equal(intl);
      expect(formatDate(new Date(2024, 4, 9, 12), other, NOW + 300 * DAY)).to.equal('9 мая 2024 г.');
    });

    it('uses a table registered after the language first wrote a date, as the loader registers one', () => {
      // A made-up language, which no engine has: Intl writes it as it can until the table comes.
      const locale = 'qaa';
      formatDate(at(-3 * HOUR), locale, NOW);
      formatDate(new Date(2024, 0, 23, 12), locale, NOW + 30 * DAY);
      registerDates(locale, { ...azDates, date: '{month} {d}, {y}', hoursAgo: { other: '{n} h ago' } });
      expect(formatDate(at(-3 * HOUR), locale, NOW)).to.equal('3 h ago');
      expect(formatDate(new Date(2024, 0, 23, 12), locale, NOW + 30 * DAY)).to.equal('yan 23, 2024');
    });

    it('leaves a language with no shipped strings to Intl', () => {
      sinon.stub(Intl.DateTimeFormat, 'supportedLocalesOf').returns([]);
      sinon.stub(Intl.RelativeTimeFormat, 'supportedLocalesOf').returns([]);
      expect(formatDate(at(-3 * HOUR), 'en-AU', NOW)).to.equal('3 hours ago');
    });
  });
});
