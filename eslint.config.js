import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'build/',
      'coverage/',
      'storybook-static/',
      'node_modules/',
      '.tmp/',
      'custom-elements.json',
      'bench/dist/',
      'server/dist/',
      'server/build/',
      '.storybook/public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'scripts/**',
      '*.config.*',
      '.size-limit.js',
      '.puppeteerrc.cjs',
      'demo/server/**',
      'bench/**',
      '.storybook/**',
    ],
    // The bench pages run in the browser (the base config's globals).
    ignores: ['bench/pages/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // feedlets-server runs on Node (and other server runtimes); only its CLI talks to a terminal.
    files: ['server/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['server/src/cli.ts', 'server/bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**', 'server/test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
