/** Filled in by the command that runs; main() returns it once yargs is done. */
export interface CommandResult {
  exitCode: number | undefined;
}
