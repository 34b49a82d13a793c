import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../core/errors.js';
import type { CommandResult } from '../result.js';

interface LspArgs {
  stdio: boolean;
  clientProcessId: number | undefined;
}

/** `apistyle lsp --stdio`: the language server. Loaded on use only, so that `lint` does not pay for it. */
export function lspCommand(result: CommandResult): CommandModule<object, LspArgs> {
  return {
    command: 'lsp',
    describe: 'Run the language server for editors (Language Server Protocol over standard input and output)',
    builder: (yargs: Argv) =>
      yargs
        .option('stdio', { describe: 'Speak LSP over standard input and output (the only transport)', type: 'boolean', default: true })
        // Sent by some clients (vscode-languageclient); the server also watches the processId of `initialize`.
        .option('clientProcessId', { describe: "The client's process id", type: 'number', hidden: true })
        .example('$0 lsp --stdio', 'What an editor runs') as unknown as Argv<LspArgs>,
    handler: async (args) => {
      if (!args.stdio) throw new UsageError('the language server speaks over standard input and output only: run "apistyle lsp --stdio"');
      result.exitCode = 0;
      const { startServer } = await import('../../lsp/server.js');
      await startServer();
    },
  };
}
