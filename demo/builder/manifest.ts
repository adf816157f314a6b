/**
 * The part of a Custom Elements Manifest (custom-elements.json, made by `npm run analyze`) the
 * builder reads: every control it shows comes from here, so a new attribute or custom property
 * documented on an element appears in the builder without touching it.
 */
export interface ManifestAttribute {
  name: string;
  type?: { text?: string };
  default?: string;
  description?: string;
}

export interface ManifestCssProperty {
  name: string;
  default?: string;
  description?: string;
}

export interface ElementDoc {
  tagName: string;
  summary?: string;
  attributes: ManifestAttribute[];
  cssProperties: ManifestCssProperty[];
}

interface Manifest {
  modules?: { declarations?: (Partial<ElementDoc> & { customElement?: boolean })[] }[];
}

/** The elements that render a feed given by URL (`src`), in the manifest's order, by tag. */
export function feedElements(manifest: Manifest): ElementDoc[] {
  const found: ElementDoc[] = [];
  for (const declaration of (manifest.modules ?? []).flatMap((module) => module.declarations ?? [])) {
    const { tagName, attributes = [], cssProperties = [], summary } = declaration;
    if (!tagName || !attributes.some((attribute) => attribute.name === 'src')) continue;
    if (found.some((element) => element.tagName === tagName)) continue;
    found.push({ tagName, summary, attributes, cssProperties });
  }
  return found.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** The kind of control an attribute gets, from its documented type. */
export type ControlKind =
  { kind: 'boolean' } | { kind: 'number' } | { kind: 'choice'; options: string[] } | { kind: 'text' };

export function controlFor(attribute: ManifestAttribute): ControlKind {
  const type = attribute.type?.text?.trim() ?? '';
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'number') return { kind: 'number' };
  // A union of string literals, such as `'sections' | 'tabs'`.
  const literals = type.split('|').map((part) => /^\s*'([^']*)'\s*$/.exec(part)?.[1]);
  if (literals.length > 1 && literals.every((literal) => literal !== undefined))
    return { kind: 'choice', options: literals as string[] };
  return { kind: 'text' };
}

/** A documented default as a value: `'grid'` → `grid`, `0` → `0`; `undefined` when none is given. */
export function defaultValue(text: string | undefined): string | undefined {
  if (text === undefined || text === '' || text === 'undefined') return undefined;
  const quoted = /^(['"`])(.*)\1$/.exec(text.trim());
  return quoted ? quoted[2] : text.trim();
}
