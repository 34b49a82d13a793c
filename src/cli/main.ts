import yargs from 'yargs';
import { EXIT_ERROR, EXIT_OK } from '../core/results/exitCode.js';
import { UsageError, oneLine } from '../core/errors.js';
import { VERSION } from '../core/packageInfo.js';
import { explainCommand } from './commands/explain.js';
import { lintCommand } from './commands/lint.js';
import { lspCommand } from './commands/lsp.js';
import { rulesCommand } from './commands/rules.js';
import type { CommandResult } from './result.js';
import { protectStdinArgument } from './io.js';

const asksForHelp = (argv: readonly string[]): boolean => argv.some((arg) => arg === '--help' || arg === '-h');

/** Runs the CLI on `argv` (without the node and script names) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const result: CommandResult = { exitCode: undefined };
  const cli = yargs(protectStdinArgument(argv))
    .scriptName('apistyle')
    .usage('$0 <command> [options]\n\nLint OpenAPI 2.0, 3.0 and 3.1 documents against API style guides.')
    .command(lintCommand(result))
    .command(rulesCommand(result))
    .command(explainCommand(result))
    .command(lspCommand(result))
    .demandCommand(1, 'Name a command: lint, rules, explain or lsp.')
    .recommendCommands()
    .strict()
    .version(VERSION)
    .alias('version', 'v')
    .help()
    .alias('help', 'h')
    // yargs renders a command's help on every run of it; laid out for the terminal, that took longer than a cached lint.
    .wrap(asksForHelp(argv) ? Math.min(110, process.stdout.columns ?? 100) : null)
    .epilogue(
      'Exit codes: 0 no finding at or above the fail severity, 1 findings, 2 usage, config or input errors.\nDocs: https://github.com/apistyle/apistyle#readme',
    )
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing here stops yargs before any command handler runs.
      throw error ?? new UsageError(`${message.replace(/\s*\n\s*/g, ' ')} (see "apistyle --help")`);
    });

  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`apistyle: ${error.message}\n`);
      return EXIT_ERROR;
    }
    process.stderr.write(`apistyle: internal error: ${oneLine(error)}\n`);
    if (process.env['APISTYLE_DEBUG'] !== undefined) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT_ERROR;
  }
  return result.exitCode ?? EXIT_OK;
}
