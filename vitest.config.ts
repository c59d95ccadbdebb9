import { defineConfig } from 'vitest/config';

// Unit tests of the DOM-free core, in Node. The browser tests (tests/browser) run in Chromium
// through @web/test-runner instead: see web-test-runner.config.mjs.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
  },
});
