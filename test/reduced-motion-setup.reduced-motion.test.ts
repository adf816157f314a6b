import { expect } from '@open-wc/testing';

// Guards the test set-up itself: if the launch flags stop working, every reduced-motion test in
// this group would pass for the wrong reason.
describe('the reduced-motion test group', () => {
  it('runs in a browser that prefers reduced motion', () => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
  });
});
