/** What the pb-feed commands share: their output streams, exit codes and option parsing. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where the command writes. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard error is a terminal: convert then shows its progress on long files. */
  stderrIsTTY?: boolean;
}

/** Exit codes, documented in the usage text. */
export const EXIT = { ok: 0, problems: 1, unusable: 2, usage: 64 } as const;

/** A mistake in the command line: exit 64 with the message and a pointer to --help. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Strict<O extends Options> = {
  args: string[];
  options: O;
  allowPositionals: true;
  strict: true;
};

/** `parseArgs` with positionals, strict; its errors become `UsageError`s. */
export function parse<O extends Options>(
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<Strict<O>>> {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Writes `text` to `path` whole or not at all: to a temporary file beside it, then renamed over
 * it, so that a failure (disk full, no such folder, interrupted) never leaves a partial file.
 */
export async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
