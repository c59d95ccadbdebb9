// A dev-server plugin for @web/test-runner that makes vite-style imports behave as under vite,
// so that the same source runs in `npm start`, `vite build` and the browser tests:
//
//   import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';  // the file's URL
//   import css from 'maplibre-gl/dist/maplibre-gl.css?inline';            // the file's text
//   import css from './x.css?raw';                                        // the file's text
//   import data from './feed.json';                                       // the parsed JSON
//
// Imports are resolved here (Node's resolution from the importing file) and rewritten to a
// served path with a query (`?url`, `?inline`, `?raw`, `?import` for JSON), which `serve`
// answers with a small JS module. Plain requests (fetch('/demo/feed.json')) are untouched.
// Also serves `.mjs` as text/javascript (MapLibre's worker is loaded as a module).

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const QUERIES = ['url', 'inline', 'raw'];

/** @param {{ rootDir: string }} options the dev server's rootDir */
export function viteImportsPlugin({ rootDir }) {
  return {
    name: 'pb-map:vite-imports',

    resolveImport({ source, context }) {
      const [specifier, query = ''] = source.split('?', 2);
      const isJson = specifier.endsWith('.json') && query === '';
      if (!QUERIES.includes(query) && !isJson) return undefined;
      const filePath = resolveFile(rootDir, specifier, requestFilePath(rootDir, context.path));
      return `${browserPath(rootDir, filePath)}?${isJson ? 'import' : query}`;
    },

    async serve(context) {
      const query = QUERIES.find((q) => context.URL.searchParams.has(q));
      const isJsonImport = context.URL.searchParams.has('import') && context.path.endsWith('.json');
      if (!query && !isJsonImport) return undefined;
      if (query === 'url')
        return { body: `export default ${JSON.stringify(context.path)};`, type: 'js' };
      const text = await readFile(requestFilePath(rootDir, context.path), 'utf8');
      // JSON is a JS expression: the module's default export is the parsed value.
      return { body: `export default ${isJsonImport ? text : JSON.stringify(text)};`, type: 'js' };
    },

    resolveMimeType(context) {
      if (context.path.endsWith('.mjs')) return 'text/javascript';
      return undefined;
    },
  };
}

/** The file an import specifier names: relative to the importer, or a package path. */
function resolveFile(rootDir, specifier, importerFile) {
  if (specifier.startsWith('/')) return requestFilePath(rootDir, specifier);
  if (specifier.startsWith('.')) return join(importerFile, '..', specifier);
  try {
    return createRequire(importerFile).resolve(specifier);
  } catch {
    // Packages whose `exports` only have an `import` condition: ESM resolution. (Node 20
    // resolves from this file, not the importer: the same node_modules in a flat install.)
    return fileURLToPath(import.meta.resolve(specifier));
  }
}

/** `/node_modules/x/y.js` for a file under rootDir. */
function browserPath(rootDir, filePath) {
  const rel = relative(rootDir, filePath);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new Error(`pb-map:vite-imports: ${filePath} is outside the test runner's rootDir`);
  }
  return `/${rel.split(sep).join('/')}`;
}

function requestFilePath(rootDir, browserPathname) {
  return join(rootDir, decodeURIComponent(browserPathname));
}

/**
 * A server command for the browser tests: `executeServerCommand('emulate-media-features',
 * { features: [{ name: 'forced-colors', value: 'active' }] })`. The test runner's own
 * `emulateMedia` cannot force colours with the Chrome launcher (Playwright only); Chrome's
 * DevTools protocol can, through puppeteer's `page.emulateMediaFeatures`.
 */
export function emulateMediaFeaturesPlugin() {
  return {
    name: 'pb-map:emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      await page.emulateMediaFeatures(payload.features);
      return true;
    },
  };
}
