import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { loadFeed } from '../../src/core/feed/load.js';

const GOOD = JSON.stringify({
  version: 1,
  title: 'Budgets',
  programmes: [
    {
      id: 'fr-35238',
      name: 'Rennes',
      coordinates: [-1.6778, 48.1173],
      year: 2016,
      budget: 3500000,
    },
  ],
});

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/feed.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(GOOD);
  },
  '/bom.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]));
  },
  '/missing.json': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not Found');
  },
  '/broken.json': (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"error":"oops"}');
  },
  '/error-page': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Oops</title>');
  },
  '/html-as-json.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('\n  <html><body>Maintenance</body></html>');
  },
  '/slow.json': (_req, res) => {
    const timer = setTimeout(() => res.end(GOOD), 5000);
    res.on('close', () => clearTimeout(timer));
  },
  '/slow-body.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"version": 1, ');
    const timer = setTimeout(() => res.end('"programmes": []}'), 5000);
    res.on('close', () => clearTimeout(timer));
  },
  '/big-declared.json': (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(GOOD.length),
    });
    res.end(GOOD);
  },
  '/big-streamed.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no Content-Length
    res.write(GOOD.slice(0, 100));
    setTimeout(() => res.end(GOOD.slice(100)), 20);
  },
  '/truncated.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(GOOD.slice(0, 60));
  },
  '/cut-connection.json': (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(GOOD.length),
    });
    res.write(GOOD.slice(0, 60));
    setTimeout(() => res.destroy(), 20);
  },
};

let server: Server;
let origin = '';
let closedOrigin = '';
const requests: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    const route = routes[req.url ?? ''];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free and is closed again: nothing listens there.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('loadFeed', () => {
  it('loads and parses a good feed, without credentials', async () => {
    const result = await loadFeed(`${origin}/feed.json`);
    expect(result.ok).toBe(true);
    expect(result.ok && result.feed.programmes).toEqual([
      {
        id: 'fr-35238',
        name: 'Rennes',
        coordinates: [-1.6778, 48.1173],
        editions: [{ year: 2016, budget: 3500000 }],
      },
    ]);
    expect(requests.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('accepts a URL object and a body with a byte-order mark', async () => {
    const result = await loadFeed(new URL('/bom.json', origin));
    expect(result.ok && result.feed.title).toBe('Budgets');
  });

  it('asks fetch to leave cookies out', async () => {
    let init: RequestInit | undefined;
    const spy: typeof fetch = (input, options) => {
      init = options;
      return fetch(input, options);
    };
    await loadFeed(`${origin}/feed.json`, { fetch: spy });
    expect(init?.credentials).toBe('omit');
  });

  it('reports HTTP errors with the status and the address', async () => {
    expect(await loadFeed(`${origin}/missing.json`)).toEqual({
      ok: false,
      error: {
        code: 'http',
        message: `The server answered HTTP 404 Not Found for the feed at ${origin}/missing.json.`,
      },
      problems: [],
    });
    const broken = await loadFeed(`${origin}/broken.json`);
    expect(!broken.ok && broken.error).toEqual({
      code: 'http',
      message: `The server answered HTTP 500 Internal Server Error for the feed at ${origin}/broken.json.`,
    });
  });

  it('recognises an HTML page, by its type or by its first character', async () => {
    for (const path of ['/error-page', '/html-as-json.json']) {
      const result = await loadFeed(`${origin}${path}`);
      expect(!result.ok && result.error).toEqual({
        code: 'not-json',
        message: `An HTML page was received instead of the JSON feed at ${origin}${path}: probably an error page or a wrong address.`,
      });
    }
  });

  it('gives up after the timeout, waiting for headers or for the body', async () => {
    for (const path of ['/slow.json', '/slow-body.json']) {
      const started = Date.now();
      const result = await loadFeed(`${origin}${path}`, { timeoutMs: 150 });
      expect(!result.ok && result.error).toEqual({
        code: 'timeout',
        message: `The feed at ${origin}${path} did not arrive within 150 ms.`,
      });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('refuses a body over maxBytes, declared or counted while streaming', async () => {
    for (const path of ['/big-declared.json', '/big-streamed.json']) {
      const result = await loadFeed(`${origin}${path}`, { maxBytes: 100 });
      expect(!result.ok && result.error.code).toBe('too-large');
      expect(!result.ok && result.error.message).toBe(
        `The feed at ${origin}${path} is larger than the limit of 100 bytes (${GOOD.length} bytes or more).`,
      );
    }
    expect((await loadFeed(`${origin}/big-declared.json`, { maxBytes: GOOD.length })).ok).toBe(
      true,
    );
  });

  it('reports truncated JSON as not JSON, and a cut connection as a network failure', async () => {
    const truncated = await loadFeed(`${origin}/truncated.json`);
    expect(!truncated.ok && truncated.error).toEqual({
      code: 'not-json',
      message:
        'The feed is not valid JSON: Unterminated string in JSON at position 60 (line 1, column 61)',
    });
    const cut = await loadFeed(`${origin}/cut-connection.json`);
    expect(!cut.ok && cut.error.code).toBe('network');
    expect(!cut.ok && cut.error.message).toMatch(
      new RegExp(`^Could not download the feed at ${origin}/cut-connection.json: `),
    );
  });

  it('reports a server that does not answer as a network failure', async () => {
    const result = await loadFeed(`${closedOrigin}/feed.json`);
    expect(!result.ok && result.error.code).toBe('network');
    expect(!result.ok && result.error.message).toMatch(
      new RegExp(
        `^Could not download the feed at ${closedOrigin}/feed.json: fetch failed \\(.*ECONNREFUSED.*\\)\\.$`,
      ),
    );
  });

  it('reports an address fetch cannot use as a network failure, without throwing', async () => {
    const result = await loadFeed('not a url');
    expect(!result.ok && result.error.code).toBe('network');
  });

  it('rejects with the caller’s reason when the caller aborts, before or during the download', async () => {
    const early = new AbortController();
    early.abort();
    await expect(loadFeed(`${origin}/feed.json`, { signal: early.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const late = new AbortController();
    const reason = new Error('replaced by another feed');
    setTimeout(() => late.abort(reason), 50);
    await expect(loadFeed(`${origin}/slow.json`, { signal: late.signal })).rejects.toBe(reason);
    const duringBody = new AbortController();
    setTimeout(() => duringBody.abort(reason), 50);
    await expect(loadFeed(`${origin}/slow-body.json`, { signal: duringBody.signal })).rejects.toBe(
      reason,
    );
  });
});
