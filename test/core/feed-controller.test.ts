import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedElement } from '../../src/elements/shared/feed-element.js';
import type { Item } from '../../src/core/types.js';
import { jsonFeed, newsItems } from '../helpers/feeds.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';

/** The smallest element the controller can feed. */
class TestFeed extends FeedElement {
  /** When set, the element has a use without a feed. */
  @property({ type: Boolean }) optional = false;

  get feedOptional() {
    return this.optional;
  }

  protected renderItems(items: Item[]) {
    return litHtml`<ul>${items.map((item) => litHtml`<li>${item.title}</li>`)}</ul>`;
  }

  protected renderSkeleton() {
    return litHtml`<span class="skeleton-line"></span>`;
  }
}
customElements.define('test-feed-controller', TestFeed);

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('FeedController', () => {
  it('shows the error state when an element has no src and no inline feed', async () => {
    const el = await fixture<TestFeed>(html`<test-feed-controller></test-feed-controller>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error state');
    expect(text(el)).to.contain('The news could not be loaded.');
  });

  it('stays idle, with no error, when the feed is optional and there is none', async () => {
    let errors = 0;
    const listener = () => errors++;
    document.addEventListener('news-error', listener);
    const el = await fixture<TestFeed>(html`<test-feed-controller optional></test-feed-controller>`);
    await el.updateComplete;
    document.removeEventListener('news-error', listener);
    expect(errors).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[part="error"], [part="skeleton"]').length).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('does not report a missing src when the page sets src just after adding the element', async () => {
    const url = uniqueUrl();
    const stub = stubFetch(() => ({ body: jsonFeed(newsItems(2)) }));
    let errors = 0;
    const listener = () => errors++;
    document.addEventListener('news-error', listener);
    try {
      const el = document.createElement('test-feed-controller') as TestFeed;
      document.body.append(el);
      el.src = url;
      await oneEvent(el, 'news-load');
      expect(errors).to.equal(0);
      el.remove();
    } finally {
      document.removeEventListener('news-error', listener);
      stub.restore();
    }
  });
});
