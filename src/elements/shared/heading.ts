import { html, type TemplateResult } from 'lit';

// One static template per level: a native heading, and no markup built from strings.
const levels: ((name: string, content: unknown) => TemplateResult)[] = [
  (name, content) => html`<h1 part=${name} class=${name} dir="auto">${content}</h1>`,
  (name, content) => html`<h2 part=${name} class=${name} dir="auto">${content}</h2>`,
  (name, content) => html`<h3 part=${name} class=${name} dir="auto">${content}</h3>`,
  (name, content) => html`<h4 part=${name} class=${name} dir="auto">${content}</h4>`,
  (name, content) => html`<h5 part=${name} class=${name} dir="auto">${content}</h5>`,
  (name, content) => html`<h6 part=${name} class=${name} dir="auto">${content}</h6>`,
];

/** An `<h1>`…`<h6>` (`level` 1 to 6) holding `content`, whose part and class are both `name`. */
export const heading = (level: number, name: string, content: unknown): TemplateResult => levels[level - 1]!(name, content);
