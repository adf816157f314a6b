// `npm run analyze` writes the manifest before Storybook starts; type-checking must not need it.
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
