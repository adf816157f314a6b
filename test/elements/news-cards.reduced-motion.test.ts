import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/news-cards.js';
import type { NewsCards } from '../../src/define/news-cards.js';
import { stubFetch, uniqueUrl } from '../helpers/fetch-stub.js';
import { requireReducedMotion } from '../helpers/reduced-motion.js';

// Runs in the reduced-motion group: both engines are launched preferring reduced motion
// (emulateMedia is CDP-only). That the skeleton pulses otherwise is tested in news-cards.test.ts.
describe('<news-cards> with reduced motion', () => {
  requireReducedMotion();
  let stub: ReturnType<typeof stubFetch> | undefined;

  afterEach(() => {
    stub?.restore();
    stub = undefined;
  });

  it('does not pulse the skeleton', async () => {
    stub = stubFetch(() => ({ hang: true }));
    const el = await fixture<NewsCards>(html`<news-cards src=${uniqueUrl()}></news-cards>`);
    const line = el.shadowRoot!.querySelector('[part="skeleton"] .skeleton-line')!;
    expect(getComputedStyle(line).animationName).to.equal('none');
  });
});
