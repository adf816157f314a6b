// Hand-written because minify-literals 2.2.0, the maintained Lit template minifier, rejects news-ticker.ts and news-categories.ts.
// It minifies the static text of Lit's `html`, `svg` and `css` templates in our sources, which the
// JS minifier leaves as written. (That library throws "minified template did not preserve template
// expression placeholders" on those two files, whatever its HTML options, and brings 39 packages,
// 29 MB: html-minifier-next, lightningcss, svgo, terser.) magic-string writes the source map.
import MagicString from 'magic-string';
import { parseSync } from 'vite';

/** The Lit modules whose `html`, `svg` and `css` tags mark templates. */
const LIT = /^(?:lit|lit-html|lit-element|@lit\/reactive-element)(?:\/.*)?$/;

/**
 * Collapses each run of white space to one space, or, with `keepLines`, to its line breaks (the
 * same to HTML and CSS, and line numbers stay true for coverage).
 */
const collapser = (keepLines) => (space) =>
  keepLines && space.includes('\n') ? '\n'.repeat(space.split('\n').length - 1) : ' ';

/**
 * HTML: white space collapses but never disappears (html-minifier's `conservativeCollapse`):
 * a space between inline elements shows, and text keeps its word breaks.
 */
const minifyHtml = (text, collapse) => text.replace(/\s{2,}|[^\S ]/g, collapse);

/**
 * CSS: no comments, no white space around `{ } ; , >` or after `:`, no `;` before `}`. Strings
 * stay as they are; other spaces (`calc(a + b)`, `0.25em 0.5em`, `.a :focus`) stay single.
 */
function minifyCss(text, collapse) {
  const STRING = /("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')/;
  // Comments go first, so that an apostrophe in one does not open a string.
  const uncommented = text
    .split(new RegExp(`(/\\*[\\s\\S]*?\\*/|${STRING.source.slice(1, -1)})`))
    .map((part, i) => (i % 2 && part.startsWith('/*') ? collapse(part.replace(/\S/g, '')) : part))
    .join('');
  return uncommented
    .split(STRING)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, collapse)
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;(\n*)}/g, '$1}'),
    )
    .join('');
}

/** The local names of Lit's template tags in `program`, each with the language it holds. */
function templateTags(program) {
  const tags = new Map();
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration' || !LIT.test(node.source.value)) continue;
    for (const spec of node.specifiers) {
      const name = spec.imported?.name;
      if (name === 'html' || name === 'svg') tags.set(spec.local.name, 'html');
      if (name === 'css') tags.set(spec.local.name, 'css');
    }
  }
  return tags;
}

/** Each template: its language and the [start, end) of the raw text of each static part. */
function* templates(program) {
  const tags = templateTags(program);
  if (!tags.size) return;
  const stack = [program];
  while (stack.length) {
    const node = stack.pop();
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) {
      // A quasi's span includes the backtick or `}` before its text.
      yield {
        kind: tags.get(node.tag.name),
        parts: node.quasi.quasis.map((q) => [q.start + 1, q.start + 1 + q.value.raw.length]),
      };
    }
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value])
        if (typeof child?.type === 'string') stack.push(child);
    }
  }
}

/**
 * `code` with its Lit templates minified, and a source map, or `undefined` when it has none.
 * `keepLines` keeps every line break, for the test runner, whose coverage counts lines.
 */
export function minifyTemplates(code, filename, { keepLines = false } = {}) {
  const { program, errors } = parseSync(filename, code);
  if (errors.length) throw new Error(`${filename}: ${errors[0].message}`);
  const collapse = collapser(keepLines);
  const edits = [];
  for (const { kind, parts } of templates(program)) {
    const whole = parts.map(([start, end]) => code.slice(start, end)).join('${}');
    if (kind === 'html' && /<(?:pre|listing)\b|<textarea\b[^>]*>(?!<\/textarea>)/i.test(whole)) {
      throw new Error(`${filename}: a template with <pre> or <textarea> text, whose white space counts`);
    }
    for (const [i, [start, end]] of parts.entries()) {
      const text = code.slice(start, end);
      let minified = kind === 'css' ? minifyCss(text, collapse) : minifyHtml(text, collapse);
      // A style sheet needs no space at either end; a template's text nodes may.
      if (kind === 'css')
        minified = minified.replace(i ? /$/ : /^ /, '').replace(i < parts.length - 1 ? /$/ : / $/, '');
      if (minified !== text) edits.push([start, end, minified]);
    }
  }
  if (!edits.length) return undefined;
  const out = new MagicString(code);
  for (const [start, end, text] of edits) out.overwrite(start, end, text);
  if (parseSync(filename, out.toString()).errors.length)
    throw new Error(`${filename}: minifying its templates broke it`);
  return { code: out.toString(), map: out.generateMap({ source: filename, includeContent: true }) };
}

/** The vite plugin: our TypeScript sources, before they are compiled. */
export function minifyTemplatesPlugin() {
  return {
    name: 'feedlets:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      return /\/src\/.*\.ts$/.test(id) ? (minifyTemplates(code, id) ?? null) : null;
    },
  };
}
