/** What the builder has chosen: one element, its attributes and the custom properties changed. */
export interface EmbedChoice {
  /** The script a page loads to get the elements. */
  script: string;
  tag: string;
  /** Attribute values in the order shown; `true` is a boolean attribute that is present. */
  attributes: [name: string, value: string | true][];
  /** Custom properties changed from their defaults. */
  properties: [name: string, value: string][];
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A custom property value that can stand in a `<style>` block without ending the rule, the block
 * or the element: what a site owner pastes must do nothing but set the property.
 */
export function isSafeCssValue(value: string): boolean {
  return !/[<>{};\\]|\/\*/.test(value) && value.trim() !== '';
}

/** The HTML a site owner pastes: the script tag, the element, and CSS for the properties changed. */
export function snippet({ script, tag, attributes, properties }: EmbedChoice): string {
  const lines = [`<script type="module" src="${escapeAttribute(script)}"></script>`];
  const safe = properties.filter(([, value]) => isSafeCssValue(value));
  if (safe.length) {
    lines.push(
      '<style>',
      // An inline <style> is blocked by a Content-Security-Policy without 'unsafe-inline'.
      '  /* Or put this rule in your stylesheet: a strict CSP blocks inline styles. */',
      `  ${tag} {`,
      ...safe.map(([name, value]) => `    ${name}: ${value.trim()};`),
      '  }',
      '</style>',
    );
  }
  const written = attributes.map(([name, value]) => (value === true ? name : `${name}="${escapeAttribute(value)}"`));
  const opening =
    written.length > 2
      ? `<${tag}\n${written.map((attribute) => `  ${attribute}`).join('\n')}\n>`
      : `<${[tag, ...written].join(' ')}>`;
  lines.push(`${opening}</${tag}>`);
  return lines.join('\n');
}
