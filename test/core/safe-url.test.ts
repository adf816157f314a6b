import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { safeUrl, safeUrls } from '../../src/core/safe-url.js';
import { watchUrlParser } from '../helpers/url-parser.js';

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

describe('safeUrls (one feed: each distinct string parsed once)', () => {
  const base = 'https://news.example/feeds/main.json';
  let parsed: string[];
  let restore: () => void;

  beforeEach(() => ({ parsed, restore } = watchUrlParser()));
  afterEach(() => restore());

  it('answers a repeated string from memory, safe or refused', () => {
    const url = safeUrls(base);
    for (let i = 0; i < 3; i++) {
      expect(url('/authors/1')).to.equal('https://news.example/authors/1');
      expect(url('javascript:window.__pwned()')).to.equal(undefined);
      expect(url('JaVaScRiPt:window.__pwned()')).to.equal(undefined);
    }
    expect(parsed).to.deep.equal(['/authors/1', 'javascript:window.__pwned()', 'JaVaScRiPt:window.__pwned()']);
  });

  it('keeps the answers with and without mailto apart', () => {
    const url = safeUrls(base);
    expect(url('mailto:desk@news.example')).to.equal(undefined);
    expect(url('mailto:desk@news.example', true)).to.equal('mailto:desk@news.example');
    expect(url('mailto:desk@news.example')).to.equal(undefined);
    expect(url('mailto:desk@news.example', true)).to.equal('mailto:desk@news.example');
  });

  it('remembers nothing from one feed to the next', () => {
    expect(safeUrls(base)('story/1')).to.equal('https://news.example/feeds/story/1');
    expect(safeUrls('https://other.example/')('story/1')).to.equal('https://other.example/story/1');
  });

  it('resolves against the document when given no base, as safeUrl does', () => {
    expect(safeUrls()('story/1')).to.equal(new URL('story/1', document.baseURI).href);
  });

  it('refuses everything against a base the parser refuses, as safeUrl does', () => {
    for (const value of ['https://a.example/', '/x']) {
      expect(safeUrl(value, 'not a base')).to.equal(undefined);
      expect(safeUrls('not a base')(value)).to.equal(undefined);
    }
  });

  // Values written "scheme://" are parsed without the base; every other one needs it.
  const tricky = [
    'https:story/1',
    'https:/story/1',
    'http:story/1',
    'HTTPS://News.Example/A',
    'https:\\\\cdn.example/x',
    ' https://news.example/padded ',
    'https://\tnews.example/tab',
    'h\nttps://news.example/split',
    '//cdn.example/i.png',
    'file:///etc/passwd',
    'mailto:a@b.example',
    'https://[bad',
    'https://',
    'javascript://%0Awindow.__pwned()',
    '\u0001javascript:window.__pwned()',
  ];

  for (const value of tricky) {
    it(`gives what safeUrl gives for ${JSON.stringify(value)}`, () => {
      for (const from of [base, 'http://news.example/a/b', 'file:///home/feed.json', 'about:blank']) {
        for (const mailto of [false, true])
          expect(safeUrls(from)(value, mailto)).to.equal(safeUrl(value, from, mailto));
      }
    });
  }

  it('gives what safeUrl gives for any string', () => {
    const urlish = fc.oneof(
      fc.webUrl(),
      fc.string(),
      fc
        .tuple(
          fc.constantFrom('http:', 'https:', 'HTTP:', 'mailto:', 'file:', 'javascript:', 'x-y:'),
          fc.constantFrom('', '/', '//', '\\\\', '/\t/'),
          fc.string(),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(
        urlish,
        fc.constantFrom(base, 'http://news.example/a/', 'about:blank'),
        fc.boolean(),
        (value, from, mailto) => {
          expect(safeUrls(from)(value, mailto)).to.equal(safeUrl(value, from, mailto));
        },
      ),
      { seed: 20231221, numRuns: 500 },
    );
  });
});
