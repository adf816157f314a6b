// Storybook's test runner (`npm run test-storybook`), in Debian's Chromium: no browser is downloaded.
import { getJestConfig } from '@storybook/test-runner';
import { CHROMIUM, CHROMIUM_FLAGS } from './scripts/chromium.mjs';

const defaults = getJestConfig();

export default {
  ...defaults,
  testEnvironmentOptions: {
    'jest-playwright': {
      ...defaults.testEnvironmentOptions['jest-playwright'],
      browsers: ['chromium'],
      launchOptions: {
        executablePath: CHROMIUM, // CHROME_PATH, else Debian's
        // scripts/chromium.mjs's flags but --headless=new: jest-playwright decides headless itself
        // (its debug mode opens a window).
        args: CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--headless')),
      },
    },
  },
};
