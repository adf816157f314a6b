/** Browser-side helpers shared by the bench pages. */

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** A task queued now: posted during an animation frame, it runs once that frame is drawn. */
function nextTask(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(undefined);
  });
}

/** Resolves just after the browser paints its next frame (rendering follows the frame callbacks). */
export async function afterPaint(): Promise<number> {
  await frame();
  return nextTask();
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every shadow root under `root`, nested ones included (a card inside a card list). */
export function shadowRoots(root: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const walk = (node: Node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el instanceof Element && el.shadowRoot) {
        found.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  walk(root);
  return found;
}

/** The first element, in `root` or any shadow root below it, whose own text contains `text`. */
function findText(root: Node, text: string): Element | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE && (node as Text).data.includes(text)) return node.parentElement ?? undefined;
    const shadow = node instanceof Element ? node.shadowRoot : null;
    const inside = shadow && findText(shadow, text);
    if (inside) return inside;
  }
  return undefined;
}

/** Whether a reader could see `el`: rendered, not `visibility: hidden`, not transparent. */
const visible = (el: Element) =>
  el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && el.getClientRects().length > 0;

/**
 * Resolves with the time the frame that first shows `text` inside `host` was painted. Checked in
 * each animation-frame callback, the last moment before that frame is drawn.
 */
export async function paintedText(host: Element, text: string, timeout = 10_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    await frame();
    const el = findText(host, text);
    if (el && visible(el)) return nextTask();
    if (performance.now() - start > timeout) {
      throw new Error(`<${host.localName}> did not paint "${text}" within ${timeout / 1000} s`);
    }
  }
}
