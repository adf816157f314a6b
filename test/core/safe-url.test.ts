import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/core/safe-url.js';

describe('safeUrl', () => {
  const base = 'https://news.example/feeds/main.json';

  it('keeps http, https and relative URLs, resolved against the base', () => {
    expect(safeUrl('https://a.example/x', base)).to.equal('https://a.example/x');
    expect(safeUrl('http://a.example/x', base)).to.equal('http://a.example/x');
    expect(safeUrl('../story/1', base)).to.equal('https://news.example/story/1');
    expect(safeUrl('//cdn.example/i.png', base)).to.equal('https://cdn.example/i.png');
  });

  for (const hostile of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '  javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ]) {
    it(`refuses ${JSON.stringify(hostile)}`, () => {
      expect(safeUrl(hostile, base)).to.equal(undefined);
    });
  }

  it('leaves an entity-encoded scheme as a harmless relative path', () => {
    const url = safeUrl('&#106;avascript:alert(1)', base);
    expect(new URL(url!).protocol).to.equal('https:');
  });

  it('allows mailto only when asked', () => {
    expect(safeUrl('mailto:a@b.example', base)).to.equal(undefined);
    expect(safeUrl('mailto:a@b.example', base, true)).to.equal('mailto:a@b.example');
  });

  it('ignores non-strings and blanks', () => {
    expect(safeUrl(null, base)).to.equal(undefined);
    expect(safeUrl(42, base)).to.equal(undefined);
    expect(safeUrl('   ', base)).to.equal(undefined);
    expect(safeUrl('http://[bad', base)).to.equal(undefined);
  });
});
