import type { Argv, CommandModule } from 'yargs';
import { chooseRuleset, openSession } from '../../api.js';
import { builtinRulesetNames } from '../../core/config/builtinRulesets.js';
import { readRuleDoc, ruleDocUrl } from '../../core/docs.js';
import { UsageError } from '../../core/errors.js';
import { EXIT_OK } from '../../core/results/exitCode.js';
import { severityName } from '../../core/results/severity.js';
import type { CommandResult } from '../result.js';

interface ExplainArgs {
  rule: string;
}

/** `apistyle explain ID`: the rule's doc page; for a rule without one, what its ruleset says of it. */
export function explainCommand(result: CommandResult): CommandModule<object, ExplainArgs> {
  return {
    command: 'explain <rule>',
    describe: "Print a rule's documentation",
    builder: (yargs: Argv) =>
      yargs.positional('rule', {
        describe: 'Rule id, e.g. recommended-server-https',
        type: 'string',
        demandOption: true,
      }) as unknown as Argv<ExplainArgs>,
    handler: async ({ rule }) => {
      const doc = readRuleDoc(rule);
      if (doc !== undefined) {
        process.stdout.write(doc.endsWith('\n') ? doc : `${doc}\n`);
        result.exitCode = EXIT_OK;
        return;
      }
      const cwd = process.cwd();
      // The rules `lint` would run here first (a config's own rules included), then every built-in one.
      const inForce = await (await openSession({ cwd })).ruleset();
      const ruleset = Object.hasOwn(inForce.rules, rule) ? inForce : await chooseRuleset({ rulesets: builtinRulesetNames(), cwd });
      const found = ruleset.rules[rule];
      if (found === undefined) {
        const close = Object.keys(ruleset.rules).filter((id) => id.includes(rule) || rule.includes(id));
        throw new UsageError(
          `unknown rule "${rule}"${close.length > 0 ? `; did you mean ${close.slice(0, 3).join(', ')}?` : ''} ("apistyle rules" lists them)`,
        );
      }
      const url = ruleDocUrl(rule, ruleset.rules);
      process.stdout.write(
        `# ${rule}\n\nSeverity: ${severityName(found.severity)}\n\n${found.description ?? 'No description.'}\n${url !== undefined ? `\n${url}\n` : ''}`,
      );
      result.exitCode = EXIT_OK;
    },
  };
}
