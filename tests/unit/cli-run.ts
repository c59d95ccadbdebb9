import { main } from '../../src/cli/pb-feed.js';

/** Runs `pb-feed` with these arguments, as the tests of the command line do: exit code and output. */
export async function run(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
