import { expect } from '@open-wc/testing';
import { reviewStrings } from '../../src/core/review-strings.js';
import { registerStrings, translator } from '../../src/core/strings.js';
import { az } from '../../src/locales/az.js';
import { ru } from '../../src/locales/ru.js';

describe('translator', () => {
  it('gives English messages, with plurals, and those an element keeps apart', () => {
    const t = translator('en', reviewStrings);
    expect(t('retry')).to.equal('Retry');
    expect(t('stars', { n: 1 })).to.equal('1 star');
    expect(t('stars', { n: 3 })).to.equal('3 stars');
    expect(t('average', { avg: '4.5' })).to.equal('4.5 out of 5');
  });

  it("uses Russian's one, few and many forms", () => {
    const t = translator('ru');
    expect([1, 2, 5, 11, 21, 22, 25, 1.5].map((n) => t('reviewCount', { n }))).to.deep.equal([
      '1 отзыв',
      '2 отзыва',
      '5 отзывов',
      '11 отзывов',
      '21 отзыв',
      '22 отзыва',
      '25 отзывов',
      '1.5 отзыва',
    ]);
    expect(t('stars', { n: 5 })).to.equal('5 звёзд');
  });

  it('falls back from a region to its language, and from an unknown language to English', () => {
    expect(translator('ru-RU')('retry')).to.equal('Повторить');
    expect(translator('RU')('retry')).to.equal('Повторить');
    expect(translator('ru-RU')('stars', { n: 2 })).to.equal('2 звезды');
    expect(translator('xx')('retry')).to.equal('Retry');
    expect(translator('az')('stars', { n: 1 })).to.equal('1 ulduz');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(translator('en', reviewStrings)('textTooLong')).to.equal('Shorten your review to {max} characters.');
    expect(translator('en', reviewStrings)('stars')).to.equal('{n} stars');
  });

  it('has the same messages in every bundled language', () => {
    expect(Object.keys(az).sort()).to.deep.equal(Object.keys(ru).sort());
  });
});

describe('registerStrings', () => {
  it('adds a language whose missing keys fall back to English', () => {
    registerStrings('pt-BR', { retry: 'Tentar de novo' });
    const t = translator('pt-br');
    expect(t('retry')).to.equal('Tentar de novo');
    expect(t('loading')).to.equal('Loading news…');
  });

  it('extends a language without losing its other messages, and regions fall back to it', () => {
    registerStrings('de', { retry: 'Erneut versuchen', stars: { one: '{n} Stern', other: '{n} Sterne' } });
    registerStrings('de', { send: 'Senden' });
    registerStrings('de-AT', { send: 'Abschicken' });
    const t = translator('de-AT');
    expect([t('retry'), t('send'), t('stars', { n: 1 }), t('stars', { n: 4 })]).to.deep.equal([
      'Erneut versuchen',
      'Abschicken',
      '1 Stern',
      '4 Sterne',
    ]);
  });
});
