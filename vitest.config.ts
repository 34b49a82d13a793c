import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/fastCheck.ts'],
    // Most suites run the CLI or the language server as subprocesses; separate processes keep
    // their environment variables and working directories apart.
    pool: 'forks',
    // The three processes each run file after file, keeping the sources they have loaded: a process
    // and a module graph per file cost about a minute of CPU over the suite. No test changes
    // process-wide state without restoring it (test/external-tools.test.ts restores CI).
    isolate: false,
    // Most files wait on subprocesses (the CLI, the language server, Chromium) much of the time,
    // so three files beside each other keep two cores busy (the suite ended about a minute
    // sooner than with two).
    maxWorkers: 3,
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
