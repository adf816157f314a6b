import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clip, decodeEntities, headline, htmlToText, squash } from '../../src/core/text.js';
import type { Item } from '../../src/core/types.js';
import { HOSTILE_TEXT } from '../helpers/feeds.js';
import { watchPwned } from '../helpers/hostile.js';

/** A lone surrogate: half of a character that was cut in two. */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('clip', () => {
  it('leaves short text alone', () => {
    expect(clip('Short', 10)).to.equal('Short');
    expect(clip('Exactly10!', 10)).to.equal('Exactly10!');
  });

  it('cuts on a word boundary and adds an ellipsis', () => {
    expect(clip('The quick brown fox jumps', 18)).to.equal('The quick brown…');
  });

  it('cuts inside a word when the last space is too early', () => {
    expect(clip('A Donaudampfschifffahrtsgesellschaft', 20)).to.equal('A Donaudampfschifffa…');
  });

  it('never splits a surrogate pair, wherever the cut falls', () => {
    const text = '😀a😀😀 b😀 𝒳𝒴𝒵 👩‍👩‍👧 end'.repeat(3);
    for (let max = 1; max < text.length; max++) {
      const clipped = clip(text, max);
      expect(LONE.test(clipped), `max ${max}: ${JSON.stringify(clipped)}`).to.equal(false);
      expect(clipped.length).to.be.at.most(max + 1);
    }
  });

  it('never splits a surrogate pair in any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1, max: 100 }), (text, max) => {
        const clipped = clip(text, max);
        expect(LONE.test(clipped)).to.equal(false);
        expect(clipped.length).to.be.at.most(max + 1);
      }),
      { seed: 20231221, numRuns: 500 },
    );
  });
});

describe('squash', () => {
  it('collapses white space of every kind and trims', () => {
    expect(squash('\n  one\t two\u00a0\u2003three \r\n')).to.equal('one two three');
  });
});

describe('htmlToText', () => {
  it('drops scripts, styles and embedded content', () => {
    expect(
      htmlToText(
        '<p>Keep</p><script>x()</script><style>p{}</style><template>t</template><noscript>n</noscript><iframe>i</iframe><svg><text>s</text></svg><object>o</object><math><mi>m</mi></math>',
      ),
    ).to.equal('Keep');
  });

  it('never runs what it parses', async () => {
    const pwned = watchPwned();
    try {
      for (const hostile of HOSTILE_TEXT) htmlToText(hostile);
      // A broken image added after the parse has failed by now: an injected one would have too.
      await pwned.settle();
      expect(pwned.calls).to.equal(0);
    } finally {
      pwned.restore();
    }
  });

  it('reads only the start of a huge document', () => {
    const text = htmlToText(`<p>start</p>${'<p>x</p>'.repeat(100_000)}<p>THE-END</p>`);
    expect(text.startsWith('start x x')).to.equal(true);
    expect(text).not.to.contain('THE-END');
  });

  it('gives an empty string for empty or tag-only HTML', () => {
    expect(htmlToText('')).to.equal('');
    expect(htmlToText('<p><img src="x.png"></p>')).to.equal('');
  });
});

describe('decodeEntities', () => {
  it('decodes numeric, hex and named references once', () => {
    expect(decodeEntities('&#8217; &#x2019; &eacute; &amp;lt; &hellip;')).to.equal('’ ’ é &lt; …');
  });

  it('leaves text without references and unknown names alone', () => {
    expect(decodeEntities('AT&T & more')).to.equal('AT&T & more');
    expect(decodeEntities('&nosuchname; &#99999999;')).to.equal('&nosuchname; &#99999999;');
  });

  it('turns references to invalid code points into U+FFFD', () => {
    expect(decodeEntities('&#0;&#xDC00;&#x110000;')).to.equal('\uFFFD\uFFFD\uFFFD');
  });
});

describe('headline', () => {
  const item = (title: string, text: string) => ({ id: '1', title, text, tags: [], authors: [] }) as Item;

  it('is the title when there is one', () => {
    expect(headline(item('Title', 'Text'))).to.equal('Title');
  });

  it('is the start of the text for an untitled item', () => {
    expect(headline(item('', 'Cats are neat. https://example.org/cats'))).to.equal(
      'Cats are neat. https://example.org/cats',
    );
    expect(headline(item('', 'word '.repeat(50)))).to.have.length.at.most(121);
    expect(headline(item('', 'Fixed an issue with feed refresh today'), 20)).to.equal('Fixed an issue with…');
  });
});
