import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { lazyDefine, type Chunks } from '../../src/loader/lazy-define.js';

let run = 0;

/** Fresh tags for each test (a tag can be defined once per page), and chunks that define them and say so. */
function setup(names: string[]) {
  run++;
  const tags = names.map((name) => `lazy-${name}-${run}`);
  const imported: string[] = [];
  const chunks: Chunks = Object.fromEntries(
    tags.map((tag) => [
      tag,
      () => {
        imported.push(tag);
        customElements.define(tag, class extends HTMLElement {});
        return Promise.resolve();
      },
    ]),
  );
  return { tags, imported, chunks, defined: (tag: string) => customElements.whenDefined(tag) };
}

describe('lazyDefine (the loader, with chunks that record what they are asked for)', () => {
  it('imports the chunk of each tag on the page once, and no other', async () => {
    const { tags, imported, chunks, defined } = setup(['a', 'b', 'c']);
    const [a, b, c] = tags as [string, string, string];
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div id="page-${run}"><${a}></${a}><p><${a}></${a}><${b}></${b}></p></div>`,
    );
    lazyDefine(chunks);
    await Promise.all([defined(a), defined(b)]);
    expect(imported).to.deep.equal([a, b]);
    expect(customElements.get(c)).to.equal(undefined);
    document.getElementById(`page-${run}`)!.remove();
  });

  it('imports a tag first added later, however deep, and never twice', async () => {
    const { tags, imported, chunks, defined } = setup(['a', 'b']);
    const [a, b] = tags as [string, string];
    lazyDefine(chunks);
    const later = await fixture(`<section><div><${a}></${a}></div></section>`);
    await defined(a);
    later.append(document.createElement(a), document.createElement(b));
    await defined(b);
    expect(imported).to.deep.equal([a, b]);
  });

  it('finds tags inside a shadow root the page creates, at once and added later', async () => {
    const { tags, imported, chunks, defined } = setup(['a', 'b']);
    const [a, b] = tags as [string, string];
    lazyDefine(chunks);
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<p><${a}></${a}></p>`;
    await fixture(html`<div>${host}</div>`);
    await defined(a);
    // The shadow root is watched now: a tag added inside it later is found too.
    root.querySelector('p')!.append(document.createElement(b));
    await defined(b);
    expect(imported).to.deep.equal([a, b]);
  });

  it('looks in a shadow root attached after its host was added when the page hands it over', async () => {
    const { tags, imported, chunks, defined } = setup(['a', 'b']);
    const [a, b] = tags as [string, string];
    const watch = lazyDefine(chunks);
    const host = await fixture('<div></div>');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<${a}></${a}>`;
    // The page tells about it (no attachShadow patch sees it); a later tag elsewhere proves the order.
    watch(root);
    host.after(document.createElement(b));
    await Promise.all([defined(a), defined(b)]);
    expect(imported).to.deep.equal([a, b]);
  });

  it('never imports a tag that is already defined', async () => {
    const { tags, imported, chunks, defined } = setup(['a', 'b']);
    const [a, b] = tags as [string, string];
    customElements.define(a, class extends HTMLElement {});
    await fixture(`<div><${a}></${a}><${b}></${b}></div>`);
    lazyDefine(chunks);
    await defined(b);
    expect(imported).to.deep.equal([b]);
  });

  it('says which element could not be loaded when its chunk fails', async () => {
    const error = sinon.stub(console, 'error');
    try {
      const failure = new Error('offline');
      let failed!: () => void;
      const reported = new Promise<void>((resolve) => (failed = resolve));
      error.callsFake(() => failed());
      await fixture('<lazy-broken></lazy-broken>');
      lazyDefine({ 'lazy-broken': () => Promise.reject(failure) });
      await reported;
      expect(error.firstCall.args).to.deep.equal(['[feedlets] <lazy-broken> could not be loaded:', failure]);
    } finally {
      error.restore();
    }
  });
});
