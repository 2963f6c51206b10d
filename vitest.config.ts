import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // bin/credlink.js runs dist/ when a build exists; the suite always tests the sources.
    env: { CREDLINK_FROM_SOURCE: '1' },
  },
});
