#!/usr/bin/env node
// Usage: node scripts/with-chromium.mjs <command> [args...]
//
// Finds Chrome or Chromium (see find-chromium.mjs), installs Debian's chromium with apt-get
// when there is none and we may (root or password-less sudo), exports CHROME_PATH and runs the
// command with node_modules/.bin first on PATH, as `npm run` would. Exits with its exit code.

import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOT_FOUND_MESSAGE, findChromium, isExecutable, onPath } from './find-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node scripts/with-chromium.mjs <command> [args...]');
  process.exit(2);
}

if (process.env.CHROME_PATH && !isExecutable(process.env.CHROME_PATH)) {
  console.error(`CHROME_PATH=${process.env.CHROME_PATH} is not executable; looking elsewhere.`);
}
const chromePath = findChromium() ?? installChromium();
if (!chromePath) {
  console.error(NOT_FOUND_MESSAGE);
  process.exit(1);
}

const env = {
  ...process.env,
  CHROME_PATH: chromePath,
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
};
const child = spawnSync(command, args, {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});
if (child.error) {
  console.error(`${command}: ${child.error.message}`);
  process.exit(127);
}
if (child.signal) process.kill(process.pid, child.signal);
process.exit(child.status ?? 1);

/** apt-get install chromium, as root or through `sudo -n`; the browser's path, or undefined. */
function installChromium() {
  if (!onPath('apt-get').some(isExecutable)) return undefined;
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) {
    return undefined;
  }
  console.error("No Chromium or Chrome found: installing Debian's chromium with apt-get...");
  // sudo resets the environment, so DEBIAN_FRONTEND goes through `env` on the command line.
  const prefix = asRoot ? [] : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const aptArgs of [['update'], ['install', '-y', 'chromium']]) {
    const [bin, ...argv] = [...prefix, 'apt-get', ...aptArgs];
    if (spawnSync(bin, argv, { stdio: ['ignore', 'inherit', 'inherit'], env }).status !== 0) {
      return undefined;
    }
  }
  return findChromium();
}
