// Minifies the static text of Lit's `html`, `svg` and `css` templates in our sources: the JS
// minifier leaves template text as written. Ours rather than a plugin: the Lit template minifiers
// (minify-html-literals and its rollup wrappers) are no longer maintained and bring html-minifier
// and clean-css, far more than the few rules our own templates need.
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
      yield { kind: tags.get(node.tag.name), parts: node.quasi.quasis.map((q) => [q.start + 1, q.start + 1 + q.value.raw.length]) };
    }
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (typeof child?.type === 'string') stack.push(child);
    }
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(number) {
  let value = number < 0 ? (-number << 1) | 1 : number << 1;
  let out = '';
  do {
    const digit = value & 31;
    value >>>= 5;
    out += BASE64[value ? digit | 32 : digit];
  } while (value);
  return out;
}

/**
 * A source map from `code` to the result of `edits` ([start, end, text], in order): each
 * replacement and each line of the text between them maps to where it came from.
 */
function sourceMap(code, edits, filename) {
  const lineStarts = [0, ...[...code.matchAll(/\n/g)].map((match) => match.index + 1)];
  const position = (offset) => {
    const line = lineStarts.findLastIndex((start) => start <= offset);
    return [line, offset - lineStarts[line]];
  };
  const lines = [[]];
  let column = 0;
  /** Adds `text` to the output; `from(i)` is where its i-th line came from. */
  const emit = (text, from) => {
    for (const [i, piece] of text.split('\n').entries()) {
      if (i) {
        lines.push([]);
        column = 0;
      }
      if (piece) lines.at(-1).push([column, ...from(i)]);
      column += piece.length;
    }
  };
  const copy = (start, end) => {
    const [line, col] = position(start);
    emit(code.slice(start, end), (i) => [line + i, i ? 0 : col]);
  };
  let at = 0;
  for (const [start, end, text] of edits) {
    copy(at, start);
    const origin = position(start);
    emit(text, () => origin);
    at = end;
  }
  copy(at, code.length);
  let previous = [0, 0];
  const mappings = lines.map((segments) => {
    let last = 0;
    return segments
      .map(([generated, line, col]) => {
        const out = vlq(generated - last) + vlq(0) + vlq(line - previous[0]) + vlq(col - previous[1]);
        [last, previous] = [generated, [line, col]];
        return out;
      })
      .join(',');
  });
  return { version: 3, sources: [filename], sourcesContent: [code], names: [], mappings: mappings.join(';') };
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
      if (kind === 'css') minified = minified.replace(i ? /$/ : /^ /, '').replace(i < parts.length - 1 ? /$/ : / $/, '');
      if (minified !== text) edits.push([start, end, minified]);
    }
  }
  if (!edits.length) return undefined;
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  out += code.slice(at);
  if (parseSync(filename, out).errors.length) throw new Error(`${filename}: minifying its templates broke it`);
  return { code: out, map: sourceMap(code, edits, filename) };
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
