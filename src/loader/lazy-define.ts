/** What the loader imports for each tag: a module that defines it. */
export type Chunks = Readonly<Record<string, () => Promise<unknown>>>;

/** Where tags can appear: the document, a shadow root, or an element and its subtree. */
export type Root = Document | DocumentFragment | Element;

/**
 * Imports each tag's module the first time an element with that tag is seen in `root`, in an open
 * shadow root found there, or in anything added to either later. One `MutationObserver` watches
 * the document and every open shadow root found on an added element; it stops once every tag is
 * defined. Nothing global is patched, so a shadow root attached to an element already on the page
 * (a custom element upgraded later) is seen only when handed to the returned function.
 *
 * @returns `watch(root)`: also look in (and watch) `root`, such as a shadow root the page made.
 */
export function lazyDefine(chunks: Chunks, root: Root = document, registry: CustomElementRegistry = customElements) {
  const waiting = new Set(Object.keys(chunks).filter((tag) => !registry.get(tag)));
  const watched = new WeakSet<Node>();
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) look(node);
  });

  function load(tag: string) {
    waiting.delete(tag);
    if (!waiting.size) observer.disconnect();
    if (registry.get(tag)) return;
    chunks[tag]!().catch((error: unknown) => console.error(`[feedlets] <${tag}> could not be loaded:`, error));
  }

  function see(element: Element) {
    if (waiting.has(element.localName)) load(element.localName);
    if (element.shadowRoot) look(element.shadowRoot);
  }

  function look(node: Root) {
    if (!waiting.size) return;
    if (node instanceof Element) see(node);
    else if (!watched.has(node)) {
      watched.add(node);
      observer.observe(node, { childList: true, subtree: true });
    }
    // Every element, not only the tags: any of them may hold a shadow root with a tag inside.
    for (const element of node.querySelectorAll('*')) see(element);
  }

  look(root);
  return (more: Root) => look(more);
}
