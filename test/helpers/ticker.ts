import { expect } from '@open-wc/testing';
import { waitUntil } from './wait-until.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { NewsTicker } from '../../src/elements/news-ticker/news-ticker.js';

/** The ticker's scrolling animation, as the page's animation API reports it. */
export const animationOf = (el: NewsTicker) => el.shadowRoot!.getAnimations()[0];

/** The headlines a reader can reach (the first copy), and the loop's duplicate. */
export const headlines = (el: NewsTicker) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="list"]:not([aria-hidden]) [part~="title"]'),
];
export const duplicate = (el: NewsTicker) =>
  el.shadowRoot!.querySelector<HTMLElement>('[part~="list"][aria-hidden="true"]');
export const pauseButton = (el: NewsTicker) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pause"]')!;
export const viewport = (el: NewsTicker) => el.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;

/** Resolves once the ticker has measured its headlines and is scrolling. */
export async function untilRunning(el: NewsTicker) {
  await waitUntil(() => {
    const animation = animationOf(el);
    return animation?.playState === 'running' && Number(animation.effect?.getComputedTiming().duration) > 0;
  }, 'the ticker never started scrolling');
}

/** Resolves once the animation is in `state` and no longer pending: a pause takes effect a frame later. */
export const untilPlayState = (el: NewsTicker, state: AnimationPlayState) =>
  waitUntil(() => {
    const animation = animationOf(el);
    return animation?.playState === state && !animation.pending;
  }, `the ticker never became ${state}`);

/** Resolves after `n` rendered frames. */
export async function frames(n: number) {
  for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame);
}

/** Clicks the middle of `element` with the mouse, as a reader would. */
export async function clickOn(element: Element) {
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
  });
}

/** Moves the mouse over the middle of `element`. */
export async function hover(element: Element) {
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'move',
    position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
  });
}

/** What the reader sees in the shadow root and its attributes, to look for leaked "null" and the like. */
export function visibleStrings(el: Element) {
  const root = el.shadowRoot!;
  const attributes = [...root.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((a) => a.value));
  return [root.textContent ?? '', ...attributes].join('\n');
}

/** The left edge of `element` on screen. */
export const left = (element: Element) => element.getBoundingClientRect().left;

/** What has focus inside the ticker. */
export const focused = (el: NewsTicker) => el.shadowRoot!.activeElement;

/** Presses Tab until `done` holds, at most `max` times. */
export async function tabUntil(done: () => boolean, max = 30) {
  for (let i = 0; i < max && !done(); i++) await sendKeys({ press: 'Tab' });
  expect(done(), 'Tab never got there').to.be.true;
}

/** Whether `element` lies wholly inside the ticker's viewport, so a reader can see it. */
export function inView(el: NewsTicker, element: Element) {
  const view = viewport(el).getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.left >= view.left - 0.5 && box.right <= view.right + 0.5;
}
