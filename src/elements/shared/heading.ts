import { html, nothing, type TemplateResult } from 'lit';

// One static template per level: a native heading, and no markup built from strings.
const levels: ((name: string, content: unknown, id?: string) => TemplateResult)[] = [
  (name, content, id) =>
    html`<h1 part=${name} class=${name.split(' ')[0]} id=${id ?? nothing} dir="auto">${content}</h1>`,
  (name, content, id) =>
    html`<h2 part=${name} class=${name.split(' ')[0]} id=${id ?? nothing} dir="auto">${content}</h2>`,
  (name, content, id) =>
    html`<h3 part=${name} class=${name.split(' ')[0]} id=${id ?? nothing} dir="auto">${content}</h3>`,
  (name, content, id) =>
    html`<h4 part=${name} class=${name.split(' ')[0]} id=${id ?? nothing} dir="auto">${content}</h4>`,
  (name, content, id) =>
    html`<h5 part=${name} class=${name.split(' ')[0]} id=${id ?? nothing} dir="auto">${content}</h5>`,
  (name, content, id) =>
    html`<h6 part=${name} class=${name.split(' ')[0]} id=${id ?? nothing} dir="auto">${content}</h6>`,
];

/** An `<h1>`…`<h6>` (`level` 1 to 6) holding `content`, whose part is `name` and class its first word. */
export const heading = (level: number, name: string, content: unknown, id?: string): TemplateResult =>
  levels[level - 1]!(name, content, id);

/**
 * Reads `heading-level`: an empty attribute is no number, as a word is, so it gives the element's
 * default rather than `Number('')`, 0, which would clamp to 1. The property is not reflected: the
 * attribute stays as the author wrote it (reflecting wrote "NaN" over a word).
 */
export const levelConverter = {
  fromAttribute: (value: string | null) => (value?.trim() ? Number(value) : Number.NaN),
};

/** 1 to 6, rounded: what every element does with `heading-level`. Not a number gives `fallback`. */
export const clampLevel = (value: unknown, fallback: number): number => {
  const level = Number(value);
  return typeof value === 'number' && Number.isFinite(level) ? Math.min(6, Math.max(1, Math.round(level))) : fallback;
};

/**
 * The text of an element's own heading from its `heading` attribute: the text given, `fallback`
 * when there is none, and '' (no heading) for `none`, for a page that has its own.
 */
export const headingText = (attribute: string, fallback = ''): string => {
  const text = attribute.trim();
  return text.toLowerCase() === 'none' ? '' : text || fallback;
};

/** The element's own heading (class `header`, part `header` and `parts`), or nothing when `text` is empty. */
export const header = (level: number, text: string, id = 'header', parts = ''): TemplateResult | typeof nothing =>
  text ? levels[level - 1]!(`header${parts ? ` ${parts}` : ''}`, text, id) : nothing;
