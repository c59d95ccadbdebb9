import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The pb-feed command line, built for Node into dist/cli/ beside the browser bundles. */
export default defineConfig({
  publicDir: false,
  define: { __PB_MAP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: 'src/cli/pb-feed.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'pb-feed.js', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
