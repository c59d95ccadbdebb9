/**
 * `pb-feed`, the package's command line: validate a feed, generate synthetic ones.
 * `main` takes its arguments and output streams as parameters and returns the exit code, so
 * tests call it directly; bin/pb-feed.js wires it to the process.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadFeed } from '../core/feed/load.js';
import type { FeedProblem, ParseResult } from '../core/feed/model.js';
import { parseFeed } from '../core/feed/parse.js';
import { generateFeed } from '../core/generate.js';

/** Where the command writes. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes, documented in the usage text. */
export const EXIT = { ok: 0, problems: 1, unusable: 2, usage: 64 } as const;

declare const __PB_MAP_VERSION__: string | undefined;

/**
 * The package version: inlined by vite.cli.config.ts in the build; read from package.json when
 * run from source (src/cli/ and dist/cli/ both sit two folders below it).
 */
function version(): string {
  if (typeof __PB_MAP_VERSION__ === 'string') return __PB_MAP_VERSION__;
  const pkg = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

export const USAGE = `Usage: pb-feed <command> [options]

Commands:
  validate FILE|URL [--json]
      Checks a pb-map feed (JSON or GeoJSON) and prints each problem with its JSON path.
      --json   one JSON object on standard output: { ok, error?, programmes, problems }
      Exit: 0 clean, 1 usable with problems, 2 unusable (not JSON, wrong version...), 64 usage.

  generate --count N --seed S [-o FILE] [--pretty]
      Writes a synthetic feed of N programmes (1 to 1,000,000), the same bytes for the same
      seed, to standard output or to FILE (written whole or not at all).
      --pretty   indent the JSON
      Exit: 0 written, 2 cannot write FILE, 64 usage.

  help, --help      this text
  --version         the version of pb-feed
`;

/** Runs `pb-feed` with these arguments; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if ((command === 'validate' || command === 'generate') && isHelp(rest)) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return EXIT.ok;
      case '--version':
      case '-v':
        io.stdout(`${version()}\n`);
        return EXIT.ok;
      case 'validate':
        return await validate(rest, io);
      case 'generate':
        return await generate(rest, io);
      default:
        io.stderr(`pb-feed: unknown command "${command}"\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pb-feed ${command}: ${error.message}\nRun "pb-feed --help" for the options.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

class UsageError extends Error {}

/** `pb-feed generate --help` and the like: the options are in the usage text. */
function isHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE or URL to validate');
  const target = positionals[0]!;
  let result: ParseResult;
  if (/^https?:\/\//i.test(target)) {
    result = await loadFeed(target);
  } else {
    let text: string;
    try {
      text = await readFile(target, 'utf8');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
      if (values.json) {
        const message = `cannot read ${target}: ${reason}`;
        const out = {
          ok: false,
          error: { code: 'unreadable', message },
          programmes: 0,
          problems: [],
        };
        io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        io.stderr(`pb-feed validate: cannot read ${target}: ${reason}\n`);
      }
      return EXIT.unusable;
    }
    result = parseFeed(text);
  }
  const programmes = result.ok ? result.feed.programmes.length : 0;
  if (values.json) {
    const out = result.ok
      ? { ok: true, programmes, problems: result.problems }
      : { ok: false, error: result.error, programmes, problems: result.problems };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const problem of result.problems) io.stdout(`${describe(problem)}\n`);
    if (result.ok) {
      io.stdout(`${summary(programmes, result.problems)}\n`);
    } else {
      io.stderr(`${target}: cannot be used: ${result.error.message}\n`);
    }
  }
  if (!result.ok) return EXIT.unusable;
  return result.problems.length > 0 ? EXIT.problems : EXIT.ok;
}

function describe(problem: FeedProblem): string {
  const what = { entry: 'entry left out', field: 'field dropped', feed: 'feed field dropped' }[
    problem.dropped
  ];
  const id = problem.id !== undefined ? ` [id ${JSON.stringify(problem.id)}]` : '';
  return `${problem.path}: ${problem.message} (${what})${id}`;
}

/** "412 programmes valid, 3 left out, 2 fields dropped": an entry left out for two reasons counts once. */
function summary(valid: number, problems: FeedProblem[]): string {
  const entries = problems.filter((p) => p.dropped === 'entry');
  const left = new Set(entries.map((p) => /^\$\.\w+\[\d+\]/.exec(p.path)?.[0] ?? p.path)).size;
  const fields = problems.length - entries.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(valid, 'programme')} valid, ${left} left out, ${plural(fields, 'field')} dropped`;
}

async function generate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    count: { type: 'string' },
    seed: { type: 'string' },
    output: { type: 'string', short: 'o' },
    pretty: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const countText = values.count;
  if (typeof countText !== 'string') throw new UsageError('--count N is required');
  const count = Number(countText);
  if (!/^\d+$/.test(countText) || count < 1 || count > 1_000_000) {
    throw new UsageError(`--count must be a whole number from 1 to 1000000 (got "${countText}")`);
  }
  const seed = values.seed;
  if (typeof seed !== 'string' || seed === '') throw new UsageError('--seed S is required');
  const feed = generateFeed({ count, seed });
  const text = `${JSON.stringify(feed, null, values.pretty ? 2 : undefined)}\n`;
  const output = values.output;
  if (typeof output !== 'string') {
    io.stdout(text);
    return EXIT.ok;
  }
  // Write beside the target, then rename: a failure never leaves a partial file behind.
  const temporary = join(
    dirname(output),
    `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, text);
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true });
    io.stderr(`pb-feed generate: cannot write ${output}: ${(error as Error).message}\n`);
    return EXIT.unusable;
  }
  io.stderr(`wrote ${count} programmes to ${output}\n`);
  return EXIT.ok;
}
