import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/define/index.js';
import '../src/locales/ru.js';
import '../src/locales/az.js';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { mockHandlers, resetMockCalls } from '../stories/support/mock-network.js';
import { paintPage } from '../stories/support/story-kit.js';

interface Member {
  kind: string;
  static?: boolean;
  privacy?: string;
  attribute?: string;
}

/**
 * The manifest lists protected members and lists every attribute twice (as the attribute and as
 * its property). Controls show the public API once: attributes by their names, and the
 * properties that have no attribute (`feed`, `item`...).
 */
function publicApi(raw: unknown) {
  const copy = structuredClone(raw) as { modules: { declarations?: { members?: Member[] }[] }[] };
  for (const declaration of copy.modules.flatMap((module) => module.declarations ?? [])) {
    declaration.members = declaration.members?.filter(
      (member) =>
        member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !member.attribute,
    );
  }
  return copy;
}

setCustomElementsManifest(publicApi(manifest));

/** Slots, parts and custom properties are documented in the table, not set from a control. */
const documentedOnly: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category ?? '';
      return [
        name,
        ['slots', 'css shadow parts', 'css custom properties'].includes(category)
          ? { ...argType, control: false }
          : argType,
      ];
    }),
  );
documentedOnly.secondPass = true;

/** The toolbar's colour scheme and page language, for any story. */
const withPage: Decorator = (story, { globals }) => {
  paintPage(globals.scheme === 'dark');
  const lang = typeof globals.lang === 'string' && globals.lang ? globals.lang : undefined;
  return lang ? html`<div lang=${lang}>${story()}</div>` : story();
};

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // Violations fail the story in Storybook's test panel; `npm run test-storybook` fails CI.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
    layout: 'padded',
  },
  globalTypes: {
    scheme: {
      description: 'Colour scheme around the widget',
      toolbar: { title: 'Scheme', icon: 'contrast', items: ['light', 'dark'], dynamicTitle: true },
    },
    lang: {
      description: 'Language of the page around the widget',
      toolbar: {
        title: 'Page language',
        icon: 'globe',
        items: [
          { value: '', title: 'Browser default' },
          { value: 'en', title: 'English' },
          { value: 'ru', title: 'Русский' },
          { value: 'az', title: 'Azərbaycanca' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { scheme: 'light', lang: '' },
  argTypesEnhancers: [documentedOnly],
  decorators: [withPage],
  loaders: [
    // The mocked endpoints are the worker's initial handlers, so they survive the addon's reset
    // between stories; everything else goes to the server. The worker's URL is relative to the
    // page so a Storybook deployed in a sub-folder still finds it.
    mswLoader(async () => {
      const worker = setupWorker(...mockHandlers());
      await worker.start({
        quiet: true,
        onUnhandledRequest: 'bypass',
        serviceWorker: { url: './mockServiceWorker.js' },
      });
      return worker;
    }),
  ],
  beforeEach: resetMockCalls,
};

export default preview;
