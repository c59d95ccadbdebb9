/**
 * The demo's city examples (demo/city.html), served by the dev server (`npm start`) and never
 * copied into the repository: real open data read from ../shared/data and converted on the fly
 * by pb-feed convert's own code.
 *
 * - `/examples/index.json`: `{ dataFolder, examples: [{ id, title, available }] }`;
 * - `/examples/<id>.json`: the converted feed (404 when its file is absent).
 */
import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCommuneTable, TABLE_SOURCES } from '../src/cli/convert/communes-load.js';
import { convert, type ConvertOptions } from '../src/cli/convert/convert.js';
import { decode, readTable } from '../src/cli/convert/read.js';

interface Example {
  id: string;
  /** Under ../shared/data. */
  file: string;
  options: ConvertOptions;
}

/** The examples, with the options one would give pb-feed convert (docs/pb-feed.md). */
const EXAMPLES: Example[] = [
  {
    id: 'rennes',
    file: 'rennes/formated_budget.csv',
    options: {
      title: 'Budget participatif de Rennes : projets lauréats 2016-2019',
      crs: 'EPSG:3857',
      sources: [
        {
          name: 'Rennes Métropole, données ouvertes : localisation et état des projets du budget participatif',
        },
      ],
    },
  },
  {
    id: 'paris',
    file: 'paris/bp_projets_gagnants.csv',
    options: {
      title: 'Budget participatif de Paris : projets lauréats 2014-2023',
      licence: 'ODbL',
      sources: [{ name: 'Ville de Paris, données ouvertes : bp_projets_gagnants (avril 2024)' }],
    },
  },
];

/** The dev-server middleware; `dataFolder` defaults to ../shared/data beside the project. */
export function cityExamples(dataFolder?: string): Plugin {
  let folder = dataFolder ?? '';
  const cache = new Map<string, Promise<string>>();
  return {
    name: 'pb-map:city-examples',
    apply: 'serve',
    configResolved(config) {
      folder ||= resolve(config.root, '../shared/data');
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith('/examples/')) return next();
        try {
          if (path === '/examples/index.json') {
            const examples = await Promise.all(
              EXAMPLES.map(async (e) => ({
                id: e.id,
                title: e.options.title,
                available: await readable(resolve(folder, e.file)),
              })),
            );
            return send(res, 200, JSON.stringify({ dataFolder: folder, examples }));
          }
          const example = EXAMPLES.find((e) => path === `/examples/${e.id}.json`);
          if (!example || !(await readable(resolve(folder, example.file)))) {
            return send(res, 404, JSON.stringify({ error: `${path}: no such example here` }));
          }
          let feed = cache.get(example.id);
          if (!feed) {
            feed = feedOf(resolve(folder, example.file), example.options);
            cache.set(example.id, feed);
            feed.catch(() => cache.delete(example.id));
          }
          send(res, 200, await feed);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

async function feedOf(file: string, options: ConvertOptions): Promise<string> {
  const notes: string[] = [];
  const table = readTable(decode(await readFile(file), notes), notes);
  const result = await convert(table, {
    ...options,
    communes: async () => ({ table: (await loadCommuneTable()).table, sources: TABLE_SOURCES }),
  });
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return JSON.stringify(result.feed);
}

async function readable(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function send(res: import('node:http').ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(body);
}
