import { defineConfig } from 'vitest/config';

// `npm run bench:clusters`: the clustering designs side by side in Node (not part of `npm test`).
export default defineConfig({
  test: { include: ['*.bench.test.ts'], testTimeout: 600_000 },
});
