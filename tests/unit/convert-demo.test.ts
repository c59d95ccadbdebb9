/**
 * The demo's city examples (demo/city-examples.ts): the dev-server middleware, called directly.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { cityExamples } from '../../demo/city-examples.js';
import { parseFeed } from '../../src/core/feed/parse.js';

type Middleware = (
  req: { url: string },
  res: { statusCode: number; setHeader: () => void; end: (body: string) => void },
  next: (error?: unknown) => void,
) => Promise<void>;

/** Runs the plugin's middleware on one URL; resolves to its status and body, or "next". */
async function get(
  plugin: Plugin,
  url: string,
): Promise<{ status: number; body: string } | 'next'> {
  let middleware: Middleware | undefined;
  const server = { middlewares: { use: (m: Middleware) => (middleware = m) } };
  (plugin.configureServer as (s: unknown) => void)(server);
  return new Promise((done, fail) => {
    const res = {
      statusCode: 200,
      setHeader: () => {},
      end: (body: string) => done({ status: res.statusCode, body }),
    };
    void middleware!({ url }, res, (error) => (error ? fail(error) : done('next')));
  });
}

describe('the city examples of the demo', () => {
  it('says which examples are available, and answers 404 for those whose data is absent', async () => {
    const plugin = cityExamples('/nonexistent/shared/data');
    const index = await get(plugin, '/examples/index.json');
    expect(index).not.toBe('next');
    const list = JSON.parse((index as { body: string }).body);
    expect(list.dataFolder).toBe('/nonexistent/shared/data');
    expect(
      list.examples.map((e: { id: string; available: boolean }) => [e.id, e.available]),
    ).toEqual([
      ['rennes', false],
      ['paris', false],
    ]);
    expect(await get(plugin, '/examples/rennes.json')).toMatchObject({ status: 404 });
    expect(await get(plugin, '/demo/index.html')).toBe('next');
  });

  const data = resolve(__dirname, '../../../shared/data');
  it.skipIf(!existsSync(resolve(data, 'rennes/formated_budget.csv')))(
    'serves Rennes converted on the fly from ../shared/data',
    async () => {
      const answer = await get(cityExamples(data), '/examples/rennes.json');
      const parsed = parseFeed((answer as { body: string }).body);
      expect(parsed.ok && parsed.feed.programmes.length).toBe(183);
      expect(parsed.ok && parsed.feed.title).toMatch(/Rennes/);
    },
  );
});
