// Hand-written because @wc-toolkit/cem-validator checks package.json and module paths, not what the
// entries say: attribute types and defaults, and the custom properties each element's styles read.
// Checks what custom-elements.json (run `npm run analyze` first) tells editors, Storybook and
// docs/reference.md: attributes typed with primitives or literals (never an alias's bare name) and
// literal defaults, `limit` described for each element, and every `--news-*` custom property an
// element's styles read documented once, with a default.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.customElement && d.tagName);
const problems = [];
const element = (tag) => elements.find((d) => d.tagName === tag) ?? problems.push(`<${tag}> is not in the manifest`);

// The styles each element is drawn with.
const styles = {
  'news-ticker': ['shared/base', 'news-ticker/news-ticker'],
  'news-cards': ['shared/base', 'news-card/news-card', 'news-cards/news-cards'],
  'news-card': ['shared/base', 'news-card/news-card'],
  'news-categories': ['shared/base', 'news-categories/news-categories'],
  'news-reviews': ['shared/base', 'news-reviews/news-reviews'],
};

/**
 * Whether an attribute's type says what to write: primitives and literals only. A bare name
 * (`CardsLayout`) tells an editor or the builder nothing; the manifest config expands such aliases.
 */
const attributeType = (text) =>
  text
    .split('|')
    .every((part) => /^\s*(?:string|number|boolean|undefined|null|'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)\s*$/.test(part));

for (const [tag, files] of Object.entries(styles)) {
  const d = element(tag);
  if (!d) continue;
  const documented = new Map((d.cssProperties ?? []).map((p) => [p.name, p]));
  const read = new Set(
    files.flatMap((file) => readFileSync(`src/elements/${file}.styles.ts`, 'utf8').match(/--news-[a-z-]+/g) ?? []),
  );
  for (const name of read) if (!documented.has(name)) problems.push(`<${tag}> reads ${name} but does not document it`);
  for (const [name, p] of documented) {
    if (!p.default?.trim())
      problems.push(`<${tag}> ${name} has no default in the manifest: write @cssprop [${name}=default]`);
  }
  const limit = d.attributes?.find((a) => a.name === 'limit');
  if (tag === 'news-card') {
    // One card: it has no limit.
  } else if (!limit?.description) problems.push(`<${tag}> limit is not described`);
  else if (tag !== 'news-categories' && /news-categories/.test(limit.description))
    problems.push(`<${tag}> limit describes <news-categories>: ${limit.description}`);
  for (const a of d.attributes ?? []) {
    if (!a.type?.text) problems.push(`<${tag}> attribute ${a.name} has no type`);
    else if (!attributeType(a.type.text)) {
      problems.push(
        `<${tag}> attribute ${a.name} has type ${a.type.text}: an attribute is a string, number or boolean, or a union of literals (a type alias outside src/elements is not expanded)`,
      );
    }
    if (a.default && /^[A-Z][A-Z0-9_]+$/.test(a.default))
      problems.push(`<${tag}> attribute ${a.name} defaults to a constant's name: ${a.default}`);
  }
}

const speed = element('news-ticker')?.attributes?.find((a) => a.name === 'speed');
if (speed?.type?.text !== 'number' || !/^\d+$/.test(speed?.default ?? ''))
  problems.push(`<news-ticker> speed: type ${speed?.type?.text}, default ${speed?.default}`);

const limits = new Set(
  elements
    .filter((d) => d.tagName !== 'news-card')
    .map((d) => d.attributes?.find((a) => a.name === 'limit')?.description),
);
if (limits.size < 4) problems.push('the feed elements share one description of limit: say what it counts in each');

// Each custom property is documented in one place in the source.
const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const places = new Map();
for (const file of sources('src/elements')) {
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/@cssprop(?:erty)?\s+\[?(--[a-z-]+)/g)) {
    places.set(name, [...(places.get(name) ?? []), file]);
  }
}
for (const [name, files] of places)
  if (files.length > 1) problems.push(`${name} is documented ${files.length} times: ${files.join(', ')}`);

if (problems.length) {
  console.error(`custom-elements.json: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `custom-elements.json: ${elements.length} elements, ${places.size} custom properties documented once, each with a default.`,
);
