import { sendKeys } from '@web/test-runner-commands';
import type { NewsReviews } from '../../src/elements/news-reviews/news-reviews.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text of `node` that assistive technology reads: without `aria-hidden` parts. */
function spoken(node: Node | null | undefined): string {
  if (!node) return '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(spoken).join('');
}

/** Reads and drives a `<news-reviews>` the way a reader does: by what is shown and by its controls. */
export class ReviewsHarness {
  constructor(readonly el: NewsReviews) {}

  get #root() {
    return this.el.shadowRoot!;
  }

  #one<T extends Element = HTMLElement>(selector: string): T | null {
    return this.#root.querySelector<T>(selector);
  }

  /** Everything the element shows, as one line of text. */
  get text() {
    return squash(this.#root.textContent);
  }

  /** The average line as it is read out: "4.2 out of 5, 5 reviews". */
  get average() {
    return squash(spoken(this.#one('[part="average"]')));
  }

  /** The reviews shown, newest first. */
  get reviews() {
    return [...this.#root.querySelectorAll<HTMLElement>('li[part~="item"]')];
  }

  /** The accessible names of the reviews' stars ("4 stars"). */
  get reviewStars() {
    return this.reviews.map((li) => li.querySelector('[role="img"]')?.getAttribute('aria-label'));
  }

  get form() {
    return this.#one<HTMLFormElement>('form');
  }

  get radios() {
    return [...this.#root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  }

  /** The chosen rating, 0 when none. */
  get rating() {
    return Number(this.radios.find((radio) => radio.checked)?.value ?? 0);
  }

  get textarea() {
    return this.#one<HTMLTextAreaElement>('textarea')!;
  }

  get nameInput() {
    return this.#one<HTMLInputElement>('input#name');
  }

  get submitButton() {
    return this.#one<HTMLButtonElement>('button[type="submit"]')!;
  }

  get counter() {
    return squash(this.#one('[part="counter"]')?.textContent);
  }

  /** What the polite status region says: sending, thank-you, failure. */
  get status() {
    return squash(this.#one('[role="status"]')?.textContent);
  }

  /** The validation messages shown. */
  get problems() {
    return [...this.#root.querySelectorAll('[part="invalid"]')].map((p) => squash(p.textContent));
  }

  /** The control that has focus inside the element. */
  get focused() {
    return this.#root.activeElement as HTMLElement | null;
  }

  /** The text of the elements an element's `aria-describedby` names. */
  description(control: Element) {
    return (control.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => squash(this.#root.getElementById(id)?.textContent))
      .join(' | ');
  }

  /** Picks `n` stars with the mouse. */
  async rate(n: number) {
    this.#one<HTMLLabelElement>(`label[for="star-${n}"]`)!.click();
    await this.el.updateComplete;
  }

  /** Types into the review box with the keyboard. */
  async write(text: string) {
    this.textarea.focus();
    await sendKeys({ type: text });
    await this.el.updateComplete;
  }

  /** Types into the name field with the keyboard. */
  async writeName(text: string) {
    this.nameInput!.focus();
    await sendKeys({ type: text });
    await this.el.updateComplete;
  }

  /** Clicks the send (or Retry) button. */
  async submit() {
    this.submitButton.click();
    await this.el.updateComplete;
  }

  /** What a spam bot does: fills the field no person can see or reach. */
  async fillTrap(value: string) {
    const trap = this.#one<HTMLInputElement>('input[name="website"]')!;
    trap.value = value;
    trap.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }
}
