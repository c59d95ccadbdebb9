/**
 * `pb-feed`, the package's command line: validate a feed, convert a spreadsheet or GeoJSON
 * into one (the logic in ./convert/), generate synthetic ones.
 * `main` takes its arguments and output streams as parameters and returns the exit code, so
 * tests call it directly; bin/pb-feed.js wires it to the process.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadFeed } from '../core/feed/load.js';
import type { FeedProblem, ParseResult } from '../core/feed/model.js';
import { parseFeed } from '../core/feed/parse.js';
import { generateFeed } from '../core/generate.js';
import { EXIT, parse, UsageError, writeWhole, type Io } from './common.js';
import { runConvert } from './convert-command.js';
import { hintFor, hintForError } from './hints.js';

export { EXIT, type Io };

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
      Checks a pb-map feed (JSON or GeoJSON) and prints each problem with its JSON path and
      a hint (what to do).
      --json   one JSON object on standard output: { ok, error?, programmes, problems }, each
               problem and the error with a "hint"
      Exit: 0 clean, 1 usable with problems, 2 unusable (not JSON, wrong version...), 64 usage.

  convert FILE [-o FEED] [options]
      Turns a spreadsheet (CSV, "," or ";" separated, UTF-8 or Windows-1252) or a GeoJSON
      FeatureCollection of Points into a feed, one entry per row. Columns are found by their
      usual names (nom, titre, libellé, année, budget, montant, lat, lon, x, y, code insee,
      arrondissement, statut, thème, description, lien, photo, quartier, id...).
      -o, --output FEED        write the feed there (whole or not at all); default: standard output
      --column ROLE=HEADER     use that column for ROLE (repeatable); ROLE= uses none. Roles: id,
                               name, year, budget, lat, lon, x, y, point, insee, arrondissement,
                               status, category, description, url, image, place, voters,
                               projects, population
      --crs CODE               system of the x/y columns or GeoJSON coordinates: EPSG:4326
                               (degrees), EPSG:2154 (Lambert-93) or EPSG:3857 (Web Mercator)
      --kind projects|programmes   one winning project per row (default) or one programme
      --title TEXT  --licence TEXT  --source NAME[=URL] (repeatable)
      --country CC             ISO code put on every entry (default: FR for rows placed by
                               INSEE code; positions are checked against France unless CC is not FR)
      --currency CUR           ISO 4217 code of the budgets (default EUR)
      --id-prefix TEXT         put before every id, e.g. rennes-
      --group-by COLUMN        rows with the same value in COLUMN (a role such as insee or
                               name, or a header) make one entry, one edition per row
      --pretty                 indent the JSON
      --json                   the report as one JSON object on standard output (needs -o)
      --progress               print progress on standard error (on by default in a terminal)
      Rows without a position are left out and listed; other problems are fixed or the value
      dropped, and listed with the row number (the header is row 1), column and a hint.
      Exit: 0 written, 1 written with problems, 2 nothing written (unreadable file, no name
      column, no position, wrong --crs...), 64 usage.

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
  if ((command === 'validate' || command === 'generate' || command === 'convert') && isHelp(rest)) {
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
      case 'convert':
        return await runConvert(rest, io);
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

/** `pb-feed generate --help` and the like: the options are in the usage text. */
function isHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
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
          error: { code: 'unreadable', message, hint: hintForError('unreadable') },
          programmes: 0,
          problems: [],
        };
        io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        io.stderr(
          `pb-feed validate: cannot read ${target}: ${reason}\n  hint: ${hintForError('unreadable')}\n`,
        );
      }
      return EXIT.unusable;
    }
    result = parseFeed(text);
  }
  const programmes = result.ok ? result.feed.programmes.length : 0;
  const problems = result.problems.map((p) => ({ ...p, hint: hintFor(p) }));
  if (values.json) {
    const out = result.ok
      ? { ok: true, programmes, problems }
      : {
          ok: false,
          error: { ...result.error, hint: hintForError(result.error.code) },
          programmes,
          problems,
        };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const problem of problems) {
      io.stdout(`${describe(problem)}\n  hint: ${problem.hint}\n`);
    }
    if (result.ok) {
      io.stdout(`${summary(programmes, result.problems)}\n`);
    } else {
      io.stderr(
        `${target}: cannot be used: ${result.error.message}\n  hint: ${hintForError(result.error.code)}\n`,
      );
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
  try {
    await writeWhole(output, text);
  } catch (error) {
    io.stderr(`pb-feed generate: cannot write ${output}: ${(error as Error).message}\n`);
    return EXIT.unusable;
  }
  io.stderr(`wrote ${count} programmes to ${output}\n`);
  return EXIT.ok;
}
