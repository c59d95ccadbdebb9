// Every story: the elements registered, their controls and docs from the Custom Elements
// Manifest (made from the JSDoc by the analyzer: see .storybook/vite.config.ts), a French page
// (the elements' default language) and a 375 px viewport for the mobile stories.
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from 'virtual:pb-map/custom-elements-manifest';
import { controlsFromTypes } from '../stories/controls.js';
import { inFrench } from '../stories/support.js';
import '../src/elements.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  argTypesEnhancers: [controlsFromTypes],
  decorators: [inFrench],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'none' },
    docs: { toc: false },
    viewport: {
      options: {
        mobile375: {
          name: 'Mobile (375 px)',
          styles: { width: '375px', height: '667px' },
          type: 'mobile',
        },
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
