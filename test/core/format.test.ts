import { expect } from '@open-wc/testing';
import { formatDate } from '../../src/core/format.js';

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
});
