// The vite config of Storybook's builder (named in .storybook/main.ts): the offline basemap as
// vite.config.ts serves and emits it, Lit pre-bundled once, and the Custom Elements Manifest as a
// module made by the analyzer from the elements' JSDoc (the same as dist/custom-elements.json),
// so that controls and docs come from the code and are never written twice.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { analyzeElements } from '../scripts/gen-elements-doc.mjs';
import { basemapFiles } from '../vite.config.js';

const MANIFEST_ID = 'virtual:pb-map/custom-elements-manifest';

/** `import manifest from 'virtual:pb-map/custom-elements-manifest'`, remade when the elements change. */
function customElementsManifest(): Plugin {
  return {
    name: 'pb-map:custom-elements-manifest',
    resolveId: (id) => (id === MANIFEST_ID ? `\0${MANIFEST_ID}` : undefined),
    async load(id) {
      if (id !== `\0${MANIFEST_ID}`) return undefined;
      const manifest = await analyzeElements();
      const root = fileURLToPath(new URL('..', import.meta.url));
      for (const mod of manifest.modules) this.addWatchFile(`${root}${mod.path}`);
      return `export default ${JSON.stringify(manifest)};`;
    },
  };
}

/**
 * Feeds imported with `?url` (stories/feeds.ts) stay files: inlined as `data:` URLs they would
 * not be feeds a page can name. (Storybook keeps only `build.target` of this file's `build`.)
 */
function feedsAsFiles(): Plugin {
  return {
    name: 'pb-map:feeds-as-files',
    config: () => ({ build: { assetsInlineLimit: 0 } }),
  };
}

export default defineConfig({
  plugins: [basemapFiles(), customElementsManifest(), feedsAsFiles()],
  // "Multiple versions of Lit loaded" in dev otherwise: every Lit entry point the elements and
  // Storybook's renderer (lit/directive-helpers.js) import, pre-bundled together.
  optimizeDeps: {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directive-helpers.js',
      'lit/directive.js',
      'lit/directives/live.js',
      'lit/directives/repeat.js',
    ],
  },
  // The feed and cluster workers are ES modules.
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
