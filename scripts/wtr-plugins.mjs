// A dev-server plugin for @web/test-runner that makes vite-style imports behave as under vite,
// so that the same source runs in `npm start`, `vite build` and the browser tests:
//
//   import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';  // the file's URL
//   import css from 'maplibre-gl/dist/maplibre-gl.css?inline';            // the file's text
//   import css from './x.css?raw';                                        // the file's text
//   import data from './feed.json';                                       // the parsed JSON
//   import landUrl from 'pb-map-basemap:land.geojson?url';                 // a generated file's URL
//
// Imports are resolved here (Node's resolution from the importing file) and rewritten to a
// served path with a query (`?url`, `?inline`, `?raw`, `?import` for JSON), which `serve`
// answers with a small JS module. Plain requests (fetch('/demo/feed.json')) are untouched.
// The offline basemap's GeoJSON files, made from world-atlas's TopoJSON as vite.config.ts makes
// them (scripts/basemap-geojson.mjs), are served under /@pb-map-basemap/ (the server command
// `basemap-files` with `{ missing: true }` makes them 404 for the tests, `{}` brings them back).
// Also serves `.mjs` as text/javascript (MapLibre's worker is loaded as a module).

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASEMAP_FILES, BASEMAP_PREFIX, basemapGeoJSON } from './basemap-geojson.mjs';

const QUERIES = ['url', 'inline', 'raw'];

/** @param {{ rootDir: string }} options the dev server's rootDir */
export function viteImportsPlugin({ rootDir }) {
  /** The basemap files are missing (404), for the tests of that case. */
  let basemapMissing = false;
  return {
    name: 'pb-map:vite-imports',

    resolveImport({ source, context }) {
      const [specifier, query = ''] = source.split('?', 2);
      if (specifier.startsWith(BASEMAP_PREFIX) && query === 'url') {
        return `/@pb-map-basemap/${specifier.slice(BASEMAP_PREFIX.length)}?url`;
      }
      const isJson = specifier.endsWith('.json') && query === '';
      if (!QUERIES.includes(query) && !isJson) return undefined;
      const filePath = resolveFile(rootDir, specifier, requestFilePath(rootDir, context.path));
      return `${browserPath(rootDir, filePath)}?${isJson ? 'import' : query}`;
    },

    async serve(context) {
      const basemapFile = /^\/@pb-map-basemap\/(.*)$/.exec(context.path)?.[1];
      if (basemapFile && context.URL.search === '') {
        // Missing (the server's 404) when the tests ask, or not one of the files.
        if (basemapMissing || !BASEMAP_FILES.includes(basemapFile)) return undefined;
        const body = await basemapGeoJSON(basemapFile);
        return { body, type: 'application/geo+json', headers: { 'cache-control': 'no-cache' } };
      }
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

    async executeCommand({ command, payload, session }) {
      if (command !== 'basemap-files') return undefined;
      basemapMissing = payload?.missing === true;
      // The test runner lets the browser cache every file for a year (and its 404s): clear it.
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
      return true;
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

/**
 * Server commands that record every request the test's page makes, its iframes' and workers'
 * included (puppeteer reports dedicated workers' requests with the page's): `record-requests`
 * starts, `recorded-requests` answers the URLs since. Resource timing in the page cannot see
 * what a worker fetches (the feed, MapLibre's tiles); the privacy tests need both.
 */
export function recordRequestsPlugin() {
  const recordings = new Map();
  return {
    name: 'pb-map:record-requests',
    async executeCommand({ command, session }) {
      if (command !== 'record-requests' && command !== 'recorded-requests') return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'record-requests') {
        const previous = recordings.get(session.id);
        if (previous) page.off('request', previous.listener);
        const urls = [];
        const listener = (request) => urls.push(request.url());
        page.on('request', listener);
        recordings.set(session.id, { urls, listener });
        return true;
      }
      return [...(recordings.get(session.id)?.urls ?? [])];
    },
  };
}

/**
 * Koa middleware for the test server: answers HTTP Range requests (`Range: bytes=a-b`, one range)
 * for `.pmtiles` files under rootDir with `206 Partial Content`, as static hosts and vite's dev
 * server do (the test runner's own static server ignores Range). PMTiles archives are read only
 * by Range (src/map/pmtiles.ts). A range past the end of the file gets `416`.
 *
 * @param {{ rootDir: string }} options the dev server's rootDir
 */
export function rangeMiddleware({ rootDir }) {
  return async function serveRanges(context, next) {
    const range = /^bytes=(\d*)-(\d*)$/.exec(context.get('range'));
    if (!range || !context.path.endsWith('.pmtiles') || context.method !== 'GET') return next();
    const filePath = requestFilePath(rootDir, context.path);
    if (relative(rootDir, filePath).startsWith('..')) return next();
    let bytes;
    try {
      bytes = await readFile(filePath);
    } catch {
      return next(); // not a file: the server's 404
    }
    const size = bytes.length;
    let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
    let end = range[1] === '' || range[2] === '' ? size - 1 : Number(range[2]);
    end = Math.min(end, size - 1);
    context.set('Accept-Ranges', 'bytes');
    if (start > end || start >= size) {
      context.status = 416;
      context.set('Content-Range', `bytes */${size}`);
      return undefined;
    }
    context.status = 206;
    context.set('Content-Range', `bytes ${start}-${end}/${size}`);
    context.type = 'application/octet-stream';
    context.body = bytes.subarray(start, end + 1);
    return undefined;
  };
}

/**
 * Packages the browser cannot import as they are (React is CommonJS), served as one ES module
 * each, bundled on the fly by esbuild (a dependency of @web/dev-server-esbuild) with the
 * production build of the package. Each path bundles its entry alone, so a package and the
 * packages that must share its copy (react and react-dom) are exported from the same module.
 *
 *   const { React, createRoot } = await import('/__bundled__/react.js');
 */
const BUNDLES = {
  '/__bundled__/react.js': `
    import React from 'react';
    import { flushSync } from 'react-dom';
    import { createRoot } from 'react-dom/client';
    export { React, createRoot, flushSync };
  `,
};

/** @param {{ rootDir: string }} options the dev server's rootDir (packages resolve from it) */
export function bundledModulesPlugin({ rootDir }) {
  /** @type {Map<string, Promise<string>>} */
  const built = new Map();
  return {
    name: 'pb-map:bundled-modules',
    async serve(context) {
      const entry = BUNDLES[context.path];
      if (entry === undefined) return undefined;
      let body = built.get(context.path);
      if (!body) {
        body = bundle(entry, rootDir);
        built.set(context.path, body);
        body.catch(() => built.delete(context.path)); // the next request tries again
      }
      return { body: await body, type: 'js' };
    },
  };
}

async function bundle(contents, resolveDir) {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0].text;
}

/**
 * A second origin for the browser tests: the server command `other-origin` starts (once) a
 * small static server on another port of 127.0.0.1, which serves the files of
 * tests/browser/pages/ and nothing else, and answers its origin (`http://127.0.0.1:PORT`).
 * tests/browser/embed.test.ts sends height messages from there, as a page of another site
 * loaded in the embed's iframe would.
 *
 * @param {{ rootDir: string }} options the dev server's rootDir
 */
export function otherOriginPlugin({ rootDir }) {
  const pages = join(rootDir, 'tests', 'browser', 'pages');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  /** @type {Promise<{ origin: string, close(): void }> | undefined} */
  let started;
  return {
    name: 'pb-map:other-origin',
    async executeCommand({ command }) {
      if (command !== 'other-origin') return undefined;
      started ??= (async () => {
        const { createServer } = await import('node:http');
        const server = createServer(async (req, res) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
          const file = join(pages, path.replace(/^\/tests\/browser\/pages\//, ''));
          const type = types[file.slice(file.lastIndexOf('.'))];
          try {
            if (!type || relative(pages, file).startsWith('..')) throw new Error('not served');
            const body = await readFile(file);
            res.writeHead(200, { 'Content-Type': type }).end(body);
          } catch {
            res.writeHead(404).end();
          }
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
        const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
        return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
      })();
      return (await started).origin;
    },
    async serverStop() {
      if (started) (await started).close();
    },
  };
}

/**
 * Server commands for tests/browser/lifetime.test.ts, through Chrome's DevTools protocol (one
 * session per test page, kept for the file):
 *   `lifetime-heap`       forces a full garbage collection (twice) and answers the JS heap's
 *                         `{ usedSize, totalSize }` (Runtime.getHeapUsage, exact bytes: no need
 *                         for --enable-precise-memory-info, which only concerns performance.memory)
 *   `lifetime-listeners`  the event types listened to on window, document and visualViewport
 *                         (DOMDebugger.getEventListeners), e.g. `{ window: ['resize', …], … }`
 *   `lifetime-instances`  `{ expressions: { name: 'expression giving a prototype' } }`: after a
 *                         garbage collection, how many live objects have each prototype
 *                         (Runtime.queryObjects), e.g. PbMap elements or MapLibre maps
 *   `lifetime-log`        the browser's own log entries since the session began (Log.entryAdded:
 *                         "Too many active WebGL contexts…" is one, never a console call)
 */
export function lifetimePlugin() {
  /** @type {Map<string, Promise<{ cdp: any, log: string[] }>>} */
  const sessions = new Map();
  const open = (page) => async () => {
    const cdp = await page.createCDPSession();
    const log = [];
    cdp.on('Log.entryAdded', ({ entry }) =>
      log.push(`${entry.level} ${entry.source}: ${entry.text}`),
    );
    await cdp.send('Log.enable');
    await cdp.send('HeapProfiler.enable');
    return { cdp, log };
  };
  const gc = async (cdp) => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  };
  return {
    name: 'pb-map:lifetime',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('lifetime-')) return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(session.id)) sessions.set(session.id, open(page)());
      const { cdp, log } = await sessions.get(session.id);
      if (command === 'lifetime-log') return [...log];
      if (command === 'lifetime-heap') {
        await gc(cdp);
        const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
        return { usedSize, totalSize };
      }
      if (command === 'lifetime-listeners') {
        const out = {};
        for (const name of ['window', 'document', 'visualViewport']) {
          const { result } = await cdp.send('Runtime.evaluate', { expression: name });
          if (!result.objectId) continue;
          const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
            objectId: result.objectId,
          });
          out[name] = listeners.map((l) => l.type).sort();
          await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
        }
        return out;
      }
      if (command === 'lifetime-instances') {
        await gc(cdp);
        const out = {};
        for (const [name, expression] of Object.entries(payload?.expressions ?? {})) {
          const { result } = await cdp.send('Runtime.evaluate', { expression });
          if (!result.objectId) {
            out[name] = null;
            continue;
          }
          const { objects } = await cdp.send('Runtime.queryObjects', {
            prototypeObjectId: result.objectId,
          });
          const { result: length } = await cdp.send('Runtime.callFunctionOn', {
            objectId: objects.objectId,
            functionDeclaration: 'function () { return this.length; }',
            returnByValue: true,
          });
          out[name] = length.value;
          await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
          await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
        }
        return out;
      }
      return undefined;
    },
    async serverStop() {
      for (const s of sessions.values()) await (await s).cdp.detach().catch(() => {});
    },
  };
}

/**
 * Koa middleware for the test server: a feed server that misbehaves on purpose, for
 * tests/browser/faults.test.ts. `GET /@faults/<kind>?feed=<fixture>&…` answers the feed
 * `tests/browser/fixtures/<fixture>` (default `programmes.json`) in one of these ways:
 *
 * - `ok`: as it should (`application/json`);
 * - `status?code=404`: that HTTP status, with a short text body;
 * - `hang`: never answers (not even headers), until the browser gives up on the request;
 * - `truncated`: announces the whole file's `Content-Length`, sends half, cuts the connection;
 * - `plain`: the feed as `text/plain` (as some static hosts send `.json`);
 * - `portal`: an HTML page with status 200 as `application/json` (a captive portal, a CMS);
 * - `slow?ms=3000`: the feed dribbled in 20 parts over `ms` milliseconds;
 * - `huge?mb=60`: that many MB of generated feed, streamed without a `Content-Length`;
 * - `tiles-style?code=404`: a MapLibre style whose raster tiles all answer that status.
 *
 * With `failOnce=<token>`, only the first request with that token misbehaves; the next ones get
 * the feed as `ok` (the retry tests). Nothing is cached (`Cache-Control: no-store`).
 *
 * @param {{ rootDir: string }} options the dev server's rootDir
 */
export function faultsMiddleware({ rootDir }) {
  const fixtures = join(rootDir, 'tests', 'browser', 'fixtures');
  /** The failOnce tokens already used. */
  const failed = new Set();
  return async function misbehave(context, next) {
    const kind = /^\/@faults\/([a-z-]+)$/.exec(context.path)?.[1];
    if (!kind || context.method !== 'GET') return next();
    const query = context.URL.searchParams;
    const name = query.get('feed') ?? 'programmes.json';
    const file = join(fixtures, name);
    if (relative(fixtures, file).startsWith('..')) return next();
    const token = query.get('failOnce');
    const fault = token !== null && failed.has(token) ? 'ok' : kind;
    if (token !== null) failed.add(token);

    const { res } = context;
    context.respond = false; // this middleware writes the response itself
    const headers = (type, extra = {}) => ({
      'Content-Type': type,
      'Cache-Control': 'no-store',
      ...extra,
    });
    /** Whether the browser went away (an aborted fetch, a terminated worker). */
    let gone = false;
    res.on('close', () => (gone = true));
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

    if (fault === 'status') {
      const code = Number(query.get('code') ?? 500);
      res.writeHead(code, headers('text/plain')).end(`Error ${code}`);
      return undefined;
    }
    if (fault === 'hang') {
      // No answer at all; the socket goes when the browser aborts the request (or after 30 s).
      setTimeout(() => res.destroy(), 30_000).unref();
      return undefined;
    }
    if (fault === 'tiles-style') {
      const origin = `http://${context.get('host')}`;
      const code = query.get('code') ?? '404';
      const style = {
        version: 8,
        name: 'Tiles that fail',
        sources: {
          failing: {
            type: 'raster',
            tiles: [`${origin}/@faults/status?code=${code}&tile={z}-{x}-{y}`],
            tileSize: 256,
            attribution: '© Failing tiles',
          },
        },
        layers: [{ id: 'tiles', type: 'raster', source: 'failing' }],
      };
      res.writeHead(200, headers('application/json')).end(JSON.stringify(style));
      return undefined;
    }
    if (fault === 'huge') {
      const limit = Number(query.get('mb') ?? 60) * 1024 * 1024;
      const entry = '{"id":"x","name":"Generated","coordinates":[2.35,48.85]},';
      const chunk = Buffer.from(entry.repeat(Math.ceil((256 * 1024) / entry.length)));
      res.writeHead(200, headers('application/json'));
      res.write('{"version":1,"programmes":[');
      for (let sent = 0; sent < limit && !gone; sent += chunk.length) {
        if (!res.write(chunk)) {
          await new Promise((resolve) => {
            const done = () => {
              res.off('drain', done).off('close', done);
              resolve(undefined);
            };
            res.on('drain', done).on('close', done);
          });
        }
      }
      if (!gone) res.end('{"id":"y","name":"Last","coordinates":[2.35,48.85]}]}');
      return undefined;
    }

    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, headers('text/plain')).end('No such fixture');
      return undefined;
    }
    if (fault === 'ok') {
      res.writeHead(200, headers('application/json')).end(body);
    } else if (fault === 'plain') {
      res.writeHead(200, headers('text/plain; charset=utf-8')).end(body);
    } else if (fault === 'portal') {
      const page =
        '<!DOCTYPE html>\n<html lang="fr"><head><title>Connexion au Wi-Fi</title></head>' +
        '<body><h1>Bienvenue</h1><p>Acceptez les conditions pour naviguer.</p></body></html>';
      res.writeHead(200, headers('application/json')).end(page);
    } else if (fault === 'truncated') {
      res.writeHead(200, headers('application/json', { 'Content-Length': body.length }));
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => res.destroy(), 50);
    } else if (fault === 'slow') {
      const total = Number(query.get('ms') ?? 3000);
      const parts = 20;
      res.writeHead(200, headers('application/json'));
      const size = Math.ceil(body.length / parts);
      for (let i = 0; i < parts && !gone; i++) {
        res.write(body.subarray(i * size, (i + 1) * size));
        await wait(total / parts);
      }
      if (!gone) res.end();
    } else {
      res.writeHead(400, headers('text/plain')).end(`Unknown fault: ${kind}`);
    }
    return undefined;
  };
}
