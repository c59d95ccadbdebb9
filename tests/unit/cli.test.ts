import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { EXIT, USAGE } from '../../src/cli/pb-feed.js';
import { run } from './cli-run.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pb-feed-'));
});

describe('pb-feed generate', () => {
  it('writes the same bytes for the same seed, to stdout or to a file', async () => {
    const a = await run('generate', '--count', '25', '--seed', 'x');
    const b = await run('generate', '--count', '25', '--seed', 'x');
    expect(a.code).toBe(EXIT.ok);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).programmes).toHaveLength(25);
    const file = join(dir, 'feed.json');
    const c = await run('generate', '--count', '25', '--seed', 'x', '-o', file);
    expect(c.code).toBe(EXIT.ok);
    expect(await readFile(file, 'utf8')).toBe(a.stdout);
    const other = await run('generate', '--count', '25', '--seed', 'y');
    expect(other.stdout).not.toBe(a.stdout);
  });

  it('indents the same feed with --pretty', async () => {
    const plain = await run('generate', '--count', '3', '--seed', 'x');
    const pretty = await run('generate', '--count', '3', '--seed', 'x', '--pretty');
    expect(pretty.stdout).toBe(`${JSON.stringify(JSON.parse(plain.stdout), null, 2)}\n`);
  });

  it('refuses bad counts and missing seeds with a usage error', async () => {
    for (const args of [
      ['--count', '0', '--seed', '1'],
      ['--count', '2.5', '--seed', '1'],
      ['--count', '1000001', '--seed', '1'],
      ['--count', 'ten', '--seed', '1'],
      ['--count', '10'],
      ['--seed', '1'],
      ['--count', '10', '--seed', '1', '--colour'],
    ]) {
      const { code, stderr, stdout } = await run('generate', ...args);
      expect(code, args.join(' ')).toBe(EXIT.usage);
      expect(stderr).toMatch(/^pb-feed generate: /);
      expect(stdout).toBe('');
    }
  });

  it('leaves no partial file behind when it cannot write', async () => {
    const target = join(dir, 'missing-folder', 'feed.json');
    const { code, stderr } = await run('generate', '--count', '5', '--seed', '1', '-o', target);
    expect(code).toBe(EXIT.unusable);
    expect(stderr).toContain('cannot write');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('pb-feed validate', () => {
  it('exits 0 with a summary on a clean feed', async () => {
    const file = join(dir, 'clean.json');
    await run('generate', '--count', '40', '--seed', '3', '-o', file);
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe('40 programmes valid, 0 left out, 0 fields dropped\n');
  });

  it('prints each problem with its path and exits 1', async () => {
    const file = join(dir, 'problems.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        programmes: [
          { id: 'a', name: 'A', coordinates: [2, 48] },
          { id: 'b', name: 'B', coordinates: [2, 123.4] },
          { id: 'c', name: 'C', coordinates: [2, 48], url: 'javascript:alert(1)' },
        ],
      }),
    );
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(EXIT.problems);
    expect(stdout.split('\n')).toEqual([
      '$.programmes[1].coordinates[1]: must be at most 90 (got 123.4) (entry left out) [id "b"]',
      expect.stringMatching(/^ {2}hint: write \[longitude, latitude\] in degrees/),
      '$.programmes[2].url: must be an http(s) URL (got "javascript:alert(1)") (field dropped) [id "c"]',
      '  hint: write a full address starting with https://',
      '2 programmes valid, 1 left out, 1 field dropped',
      '',
    ]);
    const json = await run('validate', file, '--json');
    expect(json.code).toBe(EXIT.problems);
    const out = JSON.parse(json.stdout);
    expect(out.ok).toBe(true);
    expect(out.programmes).toBe(2);
    expect(out.problems.map((p: { path: string }) => p.path)).toEqual([
      '$.programmes[1].coordinates[1]',
      '$.programmes[2].url',
    ]);
    expect(out.problems[1].hint).toBe('write a full address starting with https://');
  });

  it('exits 2 with the reason on an unusable feed or a missing file', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "version": 2, "programmes": [] }');
    const broken = await run('validate', file);
    expect(broken.code).toBe(EXIT.unusable);
    expect(broken.stderr).toContain('version');
    const json = JSON.parse((await run('validate', file, '--json')).stdout);
    expect(json).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
    const missing = await run('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(EXIT.unusable);
    expect(missing.stderr).toContain('no such file');
    const missingJson = await run('validate', join(dir, 'nope.json'), '--json');
    expect(missingJson.code).toBe(EXIT.unusable);
    expect(JSON.parse(missingJson.stdout)).toEqual({
      ok: false,
      error: {
        code: 'unreadable',
        message: `cannot read ${join(dir, 'nope.json')}: no such file`,
        hint: 'check the file name and that you may read it',
      },
      programmes: 0,
      problems: [],
    });
  });

  it('counts an entry left out for two reasons once, and feed fields among the dropped', async () => {
    const file = join(dir, 'twice.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        title: 5,
        programmes: [{ id: 'a', name: 'A', coordinates: [2, 48] }, { id: 'd' }],
      }),
    );
    const { code, stdout } = await run('validate', file);
    expect(code).toBe(EXIT.problems);
    expect(stdout.split('\n')).toEqual([
      '$.title: must be a string (got 5) (feed field dropped)',
      '  hint: write "title" as text, in double quotes',
      '$.programmes[1].name: is missing (entry left out) [id "d"]',
      '  hint: add "name" to this entry',
      '$.programmes[1].coordinates: is missing (entry left out) [id "d"]',
      '  hint: add "coordinates" to this entry as [longitude, latitude]',
      '1 programme valid, 1 left out, 1 field dropped',
      '',
    ]);
  });

  it('loads a feed from an http URL', async () => {
    const body = (await run('generate', '--count', '12', '--seed', 'web')).stdout;
    const server = createServer((request, response) => {
      if (request.url === '/feed.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } else {
        response.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await run('validate', `${base}/feed.json`);
      expect(ok).toEqual({
        code: EXIT.ok,
        stdout: '12 programmes valid, 0 left out, 0 fields dropped\n',
        stderr: '',
      });
      const missing = await run('validate', `${base}/gone.json`, '--json');
      expect(missing.code).toBe(EXIT.unusable);
      expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'http' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('asks for exactly one file', async () => {
    expect((await run('validate')).code).toBe(EXIT.usage);
    expect((await run('validate', 'a.json', 'b.json')).code).toBe(EXIT.usage);
  });
});

describe('pb-feed', () => {
  it('prints its usage for help and for no command, and refuses unknown commands', async () => {
    expect(await run()).toEqual({ code: EXIT.ok, stdout: USAGE, stderr: '' });
    expect((await run('--help')).stdout).toBe(USAGE);
    const unknown = await run('transmogrify');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('unknown command "transmogrify"');
    expect(unknown.stderr).toContain(USAGE);
    expect(await run('generate', '--help')).toEqual({ code: EXIT.ok, stdout: USAGE, stderr: '' });
  });

  it('prints the package version', async () => {
    expect(await run('--version')).toEqual({
      code: EXIT.ok,
      stdout: `${pkg.version}\n`,
      stderr: '',
    });
  });

  it('says how to build it when bin/pb-feed.js runs before the build', async () => {
    const unbuilt = join(dir, 'unbuilt');
    await mkdir(join(unbuilt, 'bin'), { recursive: true });
    await copyFile(
      new URL('../../bin/pb-feed.js', import.meta.url),
      join(unbuilt, 'bin', 'pb-feed.js'),
    );
    const failure = await promisify(execFile)(process.execPath, [
      join(unbuilt, 'bin', 'pb-feed.js'),
      '--help',
    ]).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `pb-feed is not built yet: run \`npm run build\` in ${unbuilt}\n`,
    });
  });
});
