/**
 * `pb-feed convert FILE -o feed.json`: reads the file, runs ./convert/convert.ts, writes the
 * feed whole or not at all and prints the report (or one JSON object with --json).
 */
import { readFile } from 'node:fs/promises';
import type { PbSource } from '../core/feed/model.js';
import { EXIT, parse, UsageError, writeWhole, type Io } from './common.js';
import { loadCommuneTable, TABLE_SOURCES } from './convert/communes-load.js';
import { convert, describeProblem, type ConvertReport } from './convert/convert.js';
import { findCrs, KNOWN_CRS } from './convert/positions.js';
import { decode, InputError, readTable } from './convert/read.js';

/** The options of `convert`, for `parse`. */
const OPTIONS = {
  output: { type: 'string', short: 'o' },
  column: { type: 'string', multiple: true },
  crs: { type: 'string' },
  title: { type: 'string' },
  licence: { type: 'string' },
  source: { type: 'string', multiple: true },
  kind: { type: 'string' },
  country: { type: 'string' },
  currency: { type: 'string' },
  'id-prefix': { type: 'string' },
  'group-by': { type: 'string' },
  pretty: { type: 'boolean' },
  json: { type: 'boolean' },
  progress: { type: 'boolean' },
} as const;

/** Runs `pb-feed convert` with the arguments after the command name. */
export async function runConvert(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS);
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE to convert');
  const file = positionals[0] as string;
  const output = values.output;
  if (values.json && (output === undefined || output === '-')) {
    throw new UsageError(
      '--json prints the report on standard output: write the feed with -o FILE',
    );
  }
  const kind = values.kind ?? 'projects';
  if (kind !== 'projects' && kind !== 'programmes') {
    throw new UsageError(`--kind must be projects or programmes (got "${kind}")`);
  }
  const country = values.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new UsageError(
      `--country must be a two-letter code such as FR (got "${values.country}")`,
    );
  }
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw new UsageError(
      `--currency must be a three-letter code such as EUR (got "${values.currency}")`,
    );
  }
  if (values.crs !== undefined && !findCrs(values.crs)) {
    throw new UsageError(
      `unknown --crs "${values.crs}"; use one of ${KNOWN_CRS.map((c) => `${c.code} (${c.label})`).join(', ')}`,
    );
  }
  for (const [option, value] of [
    ['--title', values.title],
    ['--licence', values.licence],
  ] as const) {
    if (value !== undefined && (value.trim() === '' || value.length > 300)) {
      throw new UsageError(`${option} must be 1 to 300 characters`);
    }
  }
  const sources = (values.source ?? []).map(readSource);

  const fail = (message: string, report?: ConvertReport): number => {
    if (values.json) {
      io.stdout(`${JSON.stringify({ ok: false, error: message, report }, null, 2)}\n`);
    } else {
      if (report) printReport(io, report, file);
      io.stderr(`pb-feed convert: ${message}\n`);
    }
    return EXIT.unusable;
  };

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    return fail(`cannot read ${file}: ${reason}`);
  }
  const notes: string[] = [];
  let table;
  try {
    table = readTable(decode(bytes, notes), notes);
  } catch (error) {
    if (error instanceof InputError) return fail(`cannot read ${file}: ${error.message}`);
    throw error;
  }

  const showProgress = values.progress === true || io.stderrIsTTY === true;
  const result = await convert(table, {
    columns: values.column ?? [],
    ...(values.crs !== undefined ? { crs: values.crs } : {}),
    ...(values.title !== undefined ? { title: values.title.trim() } : {}),
    ...(values.licence !== undefined ? { licence: values.licence.trim() } : {}),
    sources,
    kind,
    ...(country !== undefined ? { country } : {}),
    ...(currency !== undefined ? { currency } : {}),
    ...(values['id-prefix'] !== undefined ? { idPrefix: values['id-prefix'] } : {}),
    ...(values['group-by'] !== undefined ? { groupBy: values['group-by'] } : {}),
    communes: async () => ({ table: (await loadCommuneTable()).table, sources: TABLE_SOURCES }),
    ...(showProgress
      ? {
          onProgress: (done: number, total: number) =>
            io.stderr(`converted ${done} of ${total} rows\n`),
        }
      : {}),
  });
  if (!result.ok) return fail(result.error, result.report);

  const text = `${JSON.stringify(result.feed, null, values.pretty ? 2 : undefined)}\n`;
  if (output === undefined || output === '-') {
    io.stdout(text);
  } else {
    try {
      await writeWhole(output, text);
    } catch (error) {
      return fail(`cannot write ${output}: ${(error as Error).message}`, result.report);
    }
  }
  const { report } = result;
  const code = report.problems.length > 0 ? EXIT.problems : EXIT.ok;
  if (values.json) {
    io.stdout(`${JSON.stringify({ ok: true, output, report }, null, 2)}\n`);
  } else {
    printReport(io, report, file);
    const left = report.problems.filter((p) => p.effect === 'row').length;
    io.stderr(
      `wrote ${report.written} ${report.written === 1 ? 'entry' : 'entries'} to ${output === undefined || output === '-' ? 'standard output' : output}: ${left} ${left === 1 ? 'row' : 'rows'} left out, ${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'}\n`,
    );
  }
  return code;
}

/** `--source "Ville de Rennes=https://data.rennes-metropole.fr"` → { name, url }. */
function readSource(option: string): PbSource {
  const at = option.search(/=https?:\/\//i);
  const name = (at === -1 ? option : option.slice(0, at)).trim();
  const url = at === -1 ? undefined : option.slice(at + 1).trim();
  if (name === '' || name.length > 300) {
    throw new UsageError(`--source ${option}: write NAME or NAME=https://...`);
  }
  if (at === -1 && /=/.test(option)) {
    throw new UsageError(
      `--source ${option}: the address after "=" must start with http:// or https://`,
    );
  }
  return url === undefined ? { name } : { name, url };
}

/** The report, on standard error: what was read, the columns used, each problem, the notes. */
function printReport(io: Io, report: ConvertReport, file: string): void {
  const format =
    report.format === 'csv'
      ? `CSV, separated by ${report.delimiter === '\t' ? 'tabs' : `"${report.delimiter ?? ','}"`}`
      : 'GeoJSON';
  io.stderr(`read ${report.rows} ${report.rows === 1 ? 'row' : 'rows'} from ${file} (${format})\n`);
  const columns = Object.entries(report.columns)
    .map(([role, header]) => `${role} = ${JSON.stringify(header)}`)
    .join(', ');
  io.stderr(`columns: ${columns || 'none recognised'}\n`);
  for (const problem of report.problems) io.stderr(`${describeProblem(problem, report.format)}\n`);
  for (const note of report.notes) io.stderr(`note: ${note}\n`);
}
