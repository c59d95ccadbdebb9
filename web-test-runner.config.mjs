// Browser tests in real Chromium (headless, WebGL2 in software through SwiftShader).
// Run through `npm run test:browser`, which finds a browser and sets CHROME_PATH
// (scripts/with-chromium.mjs). See /work/shared/notes/toolchain.md for the flags.

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from './scripts/find-chromium.mjs';
import {
  bundledModulesPlugin,
  emulateMediaFeaturesPlugin,
  lifetimePlugin,
  otherOriginPlugin,
  recordRequestsPlugin,
  viteImportsPlugin,
} from './scripts/wtr-plugins.mjs';
import { faultsMiddleware, rangeMiddleware } from './scripts/wtr-plugins.mjs';

// The repo root, so tests can fetch /demo/... and /tests/fixtures/... over real HTTP.
const rootDir = fileURLToPath(new URL('.', import.meta.url));

if (!process.env.CHROME_PATH) {
  console.warn('CHROME_PATH is not set: run the browser tests with `npm run test:browser`.');
}

export default {
  rootDir,
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 20_000 } },
  // Lit logs this once per test file: noise in every report.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // PMTiles archives are read by HTTP Range requests (tests/browser/basemaps.test.ts).
  // A feed server that misbehaves on purpose, under /@faults/ (tests/browser/faults.test.ts).
  middleware: [rangeMiddleware({ rootDir }), faultsMiddleware({ rootDir })],
  plugins: [
    emulateMediaFeaturesPlugin(),
    recordRequestsPlugin(),
    // CDP probes for tests/browser/lifetime.test.ts: heap after GC, listeners, live instances.
    lifetimePlugin(),
    // Another origin, for the embed's resizer (tests/browser/embed.test.ts).
    otherOriginPlugin({ rootDir }),
    viteImportsPlugin({ rootDir }),
    // React (CommonJS) as an ES module for tests/browser/frameworks.test.ts.
    bundledModulesPlugin({ rootDir }),
    // tsconfig.json carries experimentalDecorators + useDefineForClassFields: false for lit.
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
