// A second, development build (NODE_ENV=development) of one SFC with a vue() that lacks the
// docs/frameworks.md's `isCustomElement`, for the check that Vue then warns. It adds to the main build's dist/.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    minify: false,
    rolldownOptions: { input: ['vue-unresolved/index.html'] },
  },
});
