import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { languageName, registerLanguageNames, sameLanguage } from '../../src/core/language-name.js';
import '../../src/locales/az.js';
import '../../src/locales/ru.js';

describe('languageName', () => {
  afterEach(() => sinon.restore());

  it("names a language in the reader's language, as a label starts", () => {
    expect(languageName('ru', 'en')).to.equal('Russian');
    expect(languageName('az', 'en-GB')).to.equal('Azerbaijani');
    expect(languageName('en', 'ru')).to.equal('Английский');
  });

  it("starts with the capital of the reader's language (Azerbaijani dotted İ)", () => {
    expect(languageName('en', 'az')).to.equal('İngilis');
    expect(languageName('ru', 'az')).to.equal('Rus');
  });

  it("uses the locale's own names where the engine's Intl has none (Debian's Chromium in Azerbaijani)", () => {
    sinon.stub(Intl.DisplayNames.prototype, 'of').returns(undefined);
    expect(languageName('ru', 'az')).to.equal('Rus');
    expect(languageName('en', 'az-Latn-AZ')).to.equal('İngilis');
    expect(languageName('de-AT', 'ru')).to.equal('Немецкий');
  });

  it('uses the shipped names where the engine would answer in another language', () => {
    // Klingon: no engine has it, so Intl answers in its default language, which must not be shown.
    registerLanguageNames('tlh', { ru: 'ruS Hol' });
    expect(languageName('ru', 'tlh')).to.equal('RuS Hol');
    expect(languageName('fr', 'tlh')).to.equal('');
  });

  it('gives nothing, never a code, for a language no one names, and for a malformed tag', () => {
    expect(languageName('xx', 'en')).to.equal('');
    expect(languageName('not a tag!', 'en')).to.equal('');
    expect(languageName('', 'en')).to.equal('');
  });
});

describe('sameLanguage', () => {
  it('compares languages, not regions or case', () => {
    expect(sameLanguage('en-GB', 'en')).to.equal(true);
    expect(sameLanguage('RU', 'ru-RU')).to.equal(true);
    expect(sameLanguage('ru', 'az')).to.equal(false);
  });
});
