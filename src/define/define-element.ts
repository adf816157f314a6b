/**
 * Registers `tag` unless something already did: loading the script twice, or beside an npm
 * copy, must do no harm.
 */
export function defineElement(
  tag: string,
  element: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  if (!registry.get(tag)) registry.define(tag, element);
}
