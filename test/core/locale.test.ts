import { expect, fixtureSync, html } from '@open-wc/testing';
import { resolveLocale, validLocale } from '../../src/core/locale.js';

describe('validLocale', () => {
  it('canonicalises a valid tag and falls back to English otherwise', () => {
    expect(validLocale('EN-gb')).to.equal('en-GB');
    expect(validLocale('not a locale')).to.equal('en');
    expect(validLocale('')).to.equal('en');
    expect(validLocale(null)).to.equal('en');
  });
});

describe('resolveLocale', () => {
  it("prefers the element's locale, then the nearest lang, then the browser's language", () => {
    const wrapper = fixtureSync<HTMLElement>(html`<section lang="ru"><div><span></span></div></section>`);
    const host = wrapper.querySelector('span') as HTMLElement & { locale?: string };
    expect(resolveLocale(host)).to.equal('ru');
    host.locale = 'az';
    expect(resolveLocale(host)).to.equal('az');
    const orphan = document.createElement('span');
    expect(resolveLocale(orphan)).to.equal(validLocale(navigator.language));
  });
});
