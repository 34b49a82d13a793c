import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/fastCheck.ts'],
    // Most suites run the CLI or the language server as subprocesses; separate processes keep
    // their environment variables and working directories apart.
    pool: 'forks',
    // Subprocess-heavy files leave a core idle half the time, so two files run beside each
    // other even on two cores.
    maxWorkers: 2,
    // Whole-document lints through the CLI take seconds on a loaded machine; the suites that
    // need longer say so.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/setup/summaryLine.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/formatters/html/client/**'],
      reporter: ['text-summary', 'html', 'json-summary'],
    },
  },
});
