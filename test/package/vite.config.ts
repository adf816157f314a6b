// The consumer's vite config: one build for every page, each framework through its own plugin.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  plugins: [
    // docs/frameworks.md's Vue line.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('news-') } } }),
    svelte(),
  ],
  // angular/*.ts: vite's TypeScript transform takes legacy decorators from angular/tsconfig.json.
  build: {
    outDir: 'dist',
    minify: false,
    rolldownOptions: { input: ['index.html', 'vue/index.html', 'svelte/index.html', 'angular/index.html'] },
  },
});
