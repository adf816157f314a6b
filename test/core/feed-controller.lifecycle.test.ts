import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait-until.js';
import { html as litHtml } from 'lit';
import { FeedElement } from '../../src/elements/shared/feed-element.js';
import type { Item } from '../../src/core/types.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';

/** The smallest element the controller can feed. */
class TestFeed extends FeedElement {
  protected renderItems(items: Item[]) {
    return litHtml`<ul>${items.map((item) => litHtml`<li>${item.title}</li>`)}</ul>`;
  }

  protected renderSkeleton() {
    return litHtml`<span class="skeleton-line"></span>`;
  }
}
customElements.define('test-feed-controller', TestFeed);

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

/** Counts the `news-error` events that reach the document until `stop()`. */
function countErrors() {
  const seen = { count: 0, stop: () => document.removeEventListener('news-error', listener) };
  const listener = () => seen.count++;
  document.addEventListener('news-error', listener);
  return seen;
}

describe('FeedController', () => {
  it('stays idle, with no error, while an element has no src, no feed and no inline feed', async () => {
    const errors = countErrors();
    const el = await fixture<TestFeed>(html`<test-feed-controller></test-feed-controller>`);
    await el.updateComplete;
    errors.stop();
    expect(errors.count).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[part="error"], [part="skeleton"]').length).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('does not report a missing src when the page sets src just after adding the element', async () => {
    const url = uniqueUrl();
    const stub = stubFetch(() => ({ body: jsonFeed(newsItems(2)) }));
    const errors = countErrors();
    try {
      const el = document.createElement('test-feed-controller') as TestFeed;
      document.body.append(el);
      el.src = url;
      await oneEvent(el, 'news-load');
      expect(errors.count).to.equal(0);
      el.remove();
    } finally {
      errors.stop();
      stub.restore();
    }
  });
});

describe('FeedController while the page is parsed', () => {
  let readyState: PropertyDescriptor | undefined;
  afterEach(() => {
    if (readyState) delete (document as { readyState?: unknown }).readyState;
    readyState = undefined;
  });

  /** What the browser reports while it still parses the page (the element's children may come later). */
  function parsing() {
    readyState = { get: () => 'loading', configurable: true };
    Object.defineProperty(document, 'readyState', readyState);
  }

  function parsed() {
    delete (document as { readyState?: unknown }).readyState;
    readyState = undefined;
    document.dispatchEvent(new Event('DOMContentLoaded'));
  }

  it('reads an inline feed that the parser adds after the element is upgraded', async () => {
    parsing();
    const errors = countErrors();
    const el = document.createElement('test-feed-controller') as TestFeed;
    try {
      document.body.append(el);
      await el.updateComplete;
      const script = document.createElement('script');
      script.type = 'application/feed+json';
      script.textContent = JSON.stringify(jsonFeed(newsItems(2)));
      el.append(script);
      await el.updateComplete;
      expect(errors.count).to.equal(0);
      const loaded = oneEvent(el, 'news-load');
      parsed();
      await loaded;
      await el.updateComplete;
      expect(text(el)).to.contain('Headline number 2');
    } finally {
      errors.stop();
      el.remove();
    }
  });

  it('waits quietly, once the page is parsed, when it found no feed', async () => {
    parsing();
    const errors = countErrors();
    const el = document.createElement('test-feed-controller') as TestFeed;
    try {
      document.body.append(el);
      await el.updateComplete;
      const base = () => el.shadowRoot!.querySelector('[part="base"]')!;
      // Busy while the parser may still bring an inline feed; idle once it is done.
      expect(base().getAttribute('aria-busy')).to.equal('true');
      parsed();
      await waitUntil(() => base().getAttribute('aria-busy') === 'false', 'still busy once parsed');
      expect(errors.count).to.equal(0);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    } finally {
      errors.stop();
      el.remove();
    }
  });
});
