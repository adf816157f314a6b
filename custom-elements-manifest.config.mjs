/**
 * Tags are registered in `src/define/*.ts` (`defineElement('news-ticker', NewsTicker)`), not on
 * the classes, so the analyzer cannot see them unaided. Without `tagName` Storybook's docs,
 * editors and the README's reference tables cannot find an element in the manifest: read those
 * calls and give each class its tag.
 */
function defineElementTags() {
  const definitions = [];
  return {
    name: 'feedlets-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement')
        return;
      const [tag, element] = node.arguments;
      if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) {
        definitions.push({ tag: tag.text, name: element.text, module: moduleDoc });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { tag, name, module } of definitions) {
        const owner = customElementsManifest.modules.find((mod) => mod.declarations?.some((d) => d.name === name));
        const declaration = owner?.declarations.find((d) => d.name === name);
        if (!declaration) throw new Error(`defineElement('${tag}', ${name}): no class ${name} in the manifest`);
        declaration.tagName = tag;
        declaration.customElement = true;
        module.exports = [
          ...(module.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition' || entry.name !== tag),
          { kind: 'custom-element-definition', name: tag, declaration: { name, module: owner.path } },
        ];
      }
    },
  };
}

/**
 * `<news-cards>` draws each card with `<news-card>`'s template, so the card's custom properties
 * (documented once, on `NewsCard`) are `<news-cards>`' too.
 */
function cardPropertiesOnCards() {
  return {
    name: 'feedlets-card-properties',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((mod) => mod.declarations ?? []);
      const card = declarations.find((d) => d.name === 'NewsCard');
      const cards = declarations.find((d) => d.name === 'NewsCards');
      if (!card || !cards) throw new Error('NewsCard or NewsCards is missing from the manifest');
      const inherited = new Set((cards.cssProperties ?? []).map((p) => p.name));
      const own = (card.cssProperties ?? []).filter((p) => !p.inheritedFrom && !inherited.has(p.name));
      cards.cssProperties = [...own, ...(cards.cssProperties ?? [])];
    },
  };
}

/**
 * Elements declare their reactive properties in `static properties` (no decorators, which would
 * cost every page the decorator helpers). The analyzer reads `{ state: true }` entries there as
 * attributes: they are internal state, so they get none, as `@state()` fields would.
 */
function internalStates() {
  const states = [];
  return {
    name: 'feedlets-internal-states',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isPropertyDeclaration(node) || node.name.getText() !== 'properties') return;
      if (!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return;
      if (
        !node.initializer ||
        !ts.isObjectLiteralExpression(node.initializer) ||
        !ts.isClassLike(node.parent) ||
        !node.parent.name
      )
        return;
      for (const entry of node.initializer.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
        const state = entry.initializer.properties.some(
          (option) =>
            ts.isPropertyAssignment(option) &&
            option.name.getText() === 'state' &&
            option.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (state) states.push({ module: moduleDoc, className: node.parent.name.text, name: entry.name.getText() });
      }
    },
    packageLinkPhase() {
      for (const { module, className, name } of states) {
        const declaration = module.declarations?.find((d) => d.name === className);
        if (!declaration) throw new Error(`${className}.properties: no class ${className} in the manifest`);
        declaration.attributes = declaration.attributes?.filter((a) => a.fieldName !== name);
        const member = declaration.members?.find((m) => m.kind === 'field' && m.name === name);
        if (member) delete member.attribute;
      }
    },
  };
}

/**
 * An attribute typed with a string-literal alias (`layout: CardsLayout`) is written out as its
 * literals (`'grid' | 'list' | 'compact'`): editors, Storybook's controls, the builder's select
 * and docs/reference.md cannot see through the alias's name. Only aliases in the analyzed files
 * are known; `scripts/check-manifest.mjs` refuses any name left in an attribute's type.
 */
function expandLiteralAliases() {
  const aliases = new Map();
  const literals = (ts, type) => {
    const parts = ts.isUnionTypeNode(type) ? type.types : [type];
    const texts = parts.map((part) =>
      ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal) ? `'${part.literal.text}'` : undefined,
    );
    return texts.every(Boolean) ? texts.join(' | ') : undefined;
  };
  // Names outside quotes only: a literal that spells an alias's name stays a literal.
  const expand = (text) => text.replace(/'[^']*'|"[^"]*"|[A-Za-z_$][\w$]*/g, (word) => aliases.get(word) ?? word);
  return {
    name: 'feedlets-expand-literal-aliases',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || node.typeParameters) return;
      const text = literals(ts, node.type);
      if (text) aliases.set(node.name.text, text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((mod) => mod.declarations ?? [])) {
        for (const entry of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
          if (entry.type?.text) entry.type.text = expand(entry.type.text);
        }
      }
    },
  };
}

export default {
  globs: ['src/define/*.ts'],
  plugins: [defineElementTags(), cardPropertiesOnCards(), internalStates(), expandLiteralAliases()],
};
