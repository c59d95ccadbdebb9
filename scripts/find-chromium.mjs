// Finds a Chrome or Chromium binary for the browser tests and screenshots.
// Order: $CHROME_PATH, the usual Debian/Google paths, then the same names on $PATH.

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const NOT_FOUND_MESSAGE =
  "No Chromium or Chrome found: install Debian's chromium (`sudo apt-get install chromium`) " +
  'or set CHROME_PATH to a Chrome/Chromium binary.';

/** The path of a usable browser, or undefined. */
export function findChromium(env = process.env) {
  const candidates = [
    env.CHROME_PATH,
    ...NAMES.map((name) => `/usr/bin/${name}`),
    ...NAMES.flatMap((name) => onPath(name, env.PATH)),
  ];
  return candidates.find((path) => path && isExecutable(path));
}

/** Where `name` would be found on `$PATH` (what `which` would try). */
export function onPath(name, pathVariable = process.env.PATH ?? '') {
  return pathVariable
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
}

export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Flags for headless Chromium here (see /work/shared/notes/toolchain.md): WebGL2 in software
 * through SwiftShader, and no calls to Google's hosts, which cannot be reached.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
