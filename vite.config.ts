import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig, type Plugin } from 'vite';

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

/** Ships the feed's JSON Schema beside the bundles, as dist/feed.schema.json. */
function copyFeedSchema(): Plugin {
  return {
    name: 'pb-map:copy-feed-schema',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir ?? 'dist';
      await mkdir(dir, { recursive: true });
      await copyFile('src/core/feed/feed.schema.json', `${dir}/feed.schema.json`);
    },
  };
}

// Not vite's library mode: it would inline MapLibre's worker and the basemap as base64 data
// URLs (blocked by strict CSPs and heavy). A plain build with JS entries keeps them as files,
// found relative to the bundle with import.meta.url (base './').
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [demoAtRoot(), copyFeedSchema()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: true,
    emptyOutDir: true,
    rolldownOptions: {
      input: { 'pb-map': 'src/index.ts', core: 'src/core/index.ts' },
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
