import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { defineConfig, type Plugin } from 'vite';
import { BASEMAP_FILES, BASEMAP_PREFIX, basemapGeoJSON } from './scripts/basemap-geojson.mjs';
// The city examples of demo/city.html: ../shared/data converted on the fly (dev server only).
import { cityExamples } from './demo/city-examples.js';

/** `npm start` opens the demo: the server's root URL leads to /demo/. */
function demoAtRoot(): Plugin {
  return {
    name: 'pb-map:demo-at-root',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

/**
 * Ships files that need no bundling beside the bundles: the feed's JSON Schema
 * (dist/feed.schema.json), the classic-script loader (dist/pb-map.iife.js), the iframe page
 * (dist/embed.html, with its stylesheet dist/embed.css) and its host-page resizer
 * (dist/embed-resize.js).
 */
function copyStaticFiles(): Plugin {
  return {
    name: 'pb-map:copy-static-files',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir ?? 'dist';
      await mkdir(dir, { recursive: true });
      await copyFile('src/core/feed/feed.schema.json', `${dir}/feed.schema.json`);
      await copyFile('src/classic/pb-map.iife.js', `${dir}/pb-map.iife.js`);
      // The iframe page: its module script is the `embed` entry (dist/embed.js).
      const embed = await readFile('src/embed/embed.html', 'utf8');
      await writeFile(`${dir}/embed.html`, embed.replace('src="./embed.ts"', 'src="./embed.js"'));
      await copyFile('src/embed/embed.css', `${dir}/embed.css`);
      await copyFile('src/embed/resize.js', `${dir}/embed-resize.js`);
    },
  };
}

/**
 * The offline basemap's GeoJSON files (`import url from 'pb-map-basemap:land.geojson?url'`),
 * converted from world-atlas's TopoJSON at build time (scripts/basemap-geojson.mjs): emitted as
 * assets in a build (a URL relative to the importing chunk, through import.meta.url), served under
 * /@pb-map-basemap/ by the dev server.
 */
export function basemapFiles(): Plugin {
  let base = '/';
  let serving = false;
  return {
    name: 'pb-map:basemap-files',
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
      serving = config.command === 'serve';
    },
    resolveId: {
      filter: { id: new RegExp(`^${BASEMAP_PREFIX}[\\w.-]+\\?url$`) },
      handler: (source) => `\0${source}`,
    },
    load: {
      filter: { id: new RegExp(`^\0${BASEMAP_PREFIX}`) },
      async handler(id) {
        const name = id.slice(`\0${BASEMAP_PREFIX}`.length).split('?')[0] ?? '';
        if (serving) return `export default ${JSON.stringify(`${base}@pb-map-basemap/${name}`)};`;
        const source = await basemapGeoJSON(name); // throws for a name it does not make
        const ref = this.emitFile({ type: 'asset', name, source });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      },
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const name = BASEMAP_FILES.find((file) => path === `${base}@pb-map-basemap/${file}`);
        if (!name) return next();
        try {
          const text = await basemapGeoJSON(name);
          res.setHeader('Content-Type', 'application/geo+json');
          res.end(text);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

/**
 * Vite wraps every `import()` in its preload helper (~0.9 KB gzip in the first load) even with
 * `modulePreload: false` (vitejs/vite#18551), where each call has no dependencies to preload
 * and comes down to `load()`. This replaces the helper's body with just that.
 */
function slimPreloadHelper(): Plugin {
  return {
    name: 'pb-map:slim-preload-helper',
    apply: 'build',
    generateBundle(_options, bundle) {
      // Every call site must pass an empty dependency list (modulePreload: false).
      for (const other of Object.values(bundle)) {
        if (other.type === 'chunk' && other.code.includes('__vite__mapDeps')) {
          this.error(`pb-map:slim-preload-helper: ${other.fileName} preloads dependencies.`);
        }
      }
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.name.includes('preload-helper')) continue;
        const exported = /export\s*\{\s*\w+\s+as\s+(\w+)\s*\}/.exec(chunk.code)?.[1];
        if (!exported || !chunk.code.includes('vite:preloadError')) {
          this.error('pb-map:slim-preload-helper: the preload helper changed shape; review.');
        }
        chunk.code = `const load=(f)=>f();export{load as ${exported}};\n`;
        chunk.map = null;
      }
    },
  };
}

// Not vite's library mode: it would inline MapLibre's worker and the basemap as base64 data
// URLs (blocked by strict CSPs and heavy). A plain build with JS entries keeps them as files,
// found relative to the bundle with import.meta.url (base './').
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [demoAtRoot(), basemapFiles(), copyStaticFiles(), slimPreloadHelper(), cityExamples()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: true,
    // The browser finds each chunk's imports itself; the element chunks are shallow (entry →
    // element → shared chunks). See slimPreloadHelper.
    modulePreload: false,
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        'pb-map': 'src/index.ts',
        elements: 'src/elements.ts',
        core: 'src/core/index.ts',
        embed: 'src/embed/embed.ts',
      },
      preserveEntrySignatures: 'strict',
      output: {
        // What every element imports (Lit, its directives and decorators' helper, the shared
        // styles and formats) as one chunk instead of several small ones: fewer requests, and
        // fewer bytes than files gzipped one by one.
        codeSplitting: {
          groups: [
            // pmtiles, loaded only for a pmtiles:// basemap, under its own name.
            { name: 'pmtiles', test: /node_modules[\\/]pmtiles[\\/]/ },
            {
              name: 'common',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit|@oxc-project[\\/]runtime)[\\/]|src[\\/]elements[\\/]shared[\\/]shared\.ts|src[\\/]core[\\/]format\.ts|@oxc-project\+runtime@[^/]*\/helpers\/esm\/decorate\.js/,
            },
          ],
        },
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
