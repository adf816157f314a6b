import { expect } from '@open-wc/testing';

// Importing any module of the package changes nothing global: no window property, no built-in
// prototype, no element registration but the tags a define module (or the loader, for tags on
// the page) exists to register. Lit keeps lists of its loaded versions and its decorators'
// metadata on globalThis: Lit's own, shared by every Lit element on the page.
const LIT = new Set([
  'litHtmlVersions',
  'litElementVersions',
  'reactiveElementVersions',
  'litPropertyMetadata',
  'litIssuedWarnings',
]);
const TAGS = ['news-ticker', 'news-cards', 'news-card', 'news-categories', 'news-reviews'];
const OWNERS = {
  globalThis,
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  'Promise.prototype': Promise.prototype,
  'String.prototype': String.prototype,
  'EventTarget.prototype': EventTarget.prototype,
  'Node.prototype': Node.prototype,
  'Element.prototype': Element.prototype,
  'HTMLElement.prototype': HTMLElement.prototype,
  'ShadowRoot.prototype': ShadowRoot.prototype,
  'Document.prototype': Document.prototype,
  'CustomElementRegistry.prototype': CustomElementRegistry.prototype,
  document,
  customElements,
};

/** Every own property of the global object, the built-in prototypes and `document`, with its value or accessors. */
function snapshot() {
  const seen = new Map<string, unknown[]>();
  for (const [owner, object] of Object.entries(OWNERS)) {
    for (const key of Reflect.ownKeys(object)) {
      const { value, get, set } = Object.getOwnPropertyDescriptor(object, key)!;
      seen.set(`${owner}.${String(key)}`, [value, get, set]);
    }
  }
  return seen;
}

/** What changed between two snapshots, but for Lit's version lists. */
function changes(before: Map<string, unknown[]>, after: Map<string, unknown[]>) {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => {
    if (LIT.has(key.replace(/^globalThis\./, ''))) return false;
    const [a, b] = [before.get(key), after.get(key)];
    return !a || !b || a.some((part, i) => !Object.is(part, b[i]));
  });
}

const defined = () => TAGS.filter((tag) => customElements.get(tag));

async function importing(load: () => Promise<unknown>) {
  const before = snapshot();
  await load();
  return changes(before, snapshot());
}

describe('importing the package', () => {
  it('the root entry, the locales and the loader (with no element on the page) change nothing global and register nothing', async () => {
    expect(await importing(() => import('../src/index.js'))).to.deep.equal([]);
    expect(await importing(() => import('../src/locales/ru.js'))).to.deep.equal([]);
    expect(await importing(() => import('../src/locales/az.js'))).to.deep.equal([]);
    expect(await importing(() => import('../src/loader.js'))).to.deep.equal([]);
    expect(defined()).to.deep.equal([]);
  });

  it('a define module registers its tag and nothing else', async () => {
    expect(await importing(() => import('../src/define/news-ticker.js'))).to.deep.equal([]);
    expect(defined()).to.deep.equal(['news-ticker']);
    expect(await importing(() => import('../src/define/index.js'))).to.deep.equal([]);
    expect(defined()).to.deep.equal(TAGS);
  });

  it('the snapshot sees a change (so the checks above can fail)', async () => {
    const changed = await importing(async () => Object.assign(globalThis, { feedletsProbe: 1 }));
    delete (globalThis as { feedletsProbe?: number }).feedletsProbe;
    expect(changed).to.deep.equal(['globalThis.feedletsProbe']);
  });
});
