// One .d.ts per entry (`feedlets-server`, `feedlets-server/handler`, `feedlets-server/node`): tsc
// writes a declaration per module to build/types/, and rollup-plugin-dts bundles what each entry
// exposes, so the package ships no declarations of internal modules.
import { dts } from 'rollup-plugin-dts';

export default {
  input: {
    index: 'build/types/index.d.ts',
    handler: 'build/types/handler.d.ts',
    node: 'build/types/node.d.ts',
  },
  plugins: [dts()],
  // Node's modules and the dependencies' own types stay imports.
  external: (id) => !/^[./]/.test(id),
  output: { dir: 'dist', format: 'es', chunkFileNames: 'types-[hash].d.ts' },
};
