import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Stories import the elements from `src/`, so Storybook shows the code as it is now. Fixture feeds
 * are plain files under `stories/feeds`, served at `feeds/`; the few endpoints a folder cannot
 * serve are answered by msw (`stories/support/mock-network.ts`): no story touches the network.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // `public` holds msw's service worker (`npx msw init .storybook/public`), served at the root.
  staticDirs: ['./public', { from: '../stories/feeds', to: '/feeds' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    // Storybook's renderer imports `lit/directive-helpers.js`, which the dev server would otherwise
    // serve unbundled, loading a second lit-html beside the pre-bundled one.
    return mergeConfig(config, { optimizeDeps: { include: ['lit/directive-helpers.js'] } });
  },
};

export default config;
