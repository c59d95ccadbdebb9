// Storybook for the elements: `npm run storybook` (dev server on :6006, offline) and
// `npm run build-storybook` (static site in storybook-static/, loaded story by story by
// tests/browser/storybook.test.ts). Stories live in stories/; see stories/README.md.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      // Not the project's vite.config.ts, whose library build steps (static copies, the preload
      // helper rewrite, its inputs) are not for Storybook: .storybook/vite.config.ts takes only
      // what the elements need from it (the offline basemap), and the manifest.
      builder: { viteConfigPath: '.storybook/vite.config.ts' },
    },
  },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // No network: no telemetry, no version check (the scripts also pass --no-version-updates).
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
