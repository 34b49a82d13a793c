import type { Argv, CommandModule } from 'yargs';
import { chooseRuleset, openSession } from '../../api.js';
import { builtinRulesetNames } from '../../core/config/builtinRulesets.js';
import { readRuleDoc, ruleDocUrl } from '../../core/docs.js';
import { UsageError } from '../../core/errors.js';
import { EXIT_OK } from '../../core/results/exitCode.js';
import { severityName } from '../../core/results/severity.js';
import { TOOL_CODES } from '../../core/results/types.js';
import type { CommandResult } from '../result.js';
import { closeIds } from '../suggest.js';

interface ExplainArgs {
  rule: string;
}

/** `apistyle explain ID`: the rule's doc page; for a rule without one, what its ruleset says of it. */
export function explainCommand(result: CommandResult): CommandModule<object, ExplainArgs> {
  return {
    command: 'explain <rule>',
    describe: 'Print the documentation of a rule, or of a code apistyle reports itself (parser, invalid-ref, …)',
    builder: (yargs: Argv) =>
      yargs.positional('rule', {
        describe: 'Rule id (e.g. recommended-server-https) or a code apistyle reports itself (e.g. parser)',
        type: 'string',
        demandOption: true,
      }) as unknown as Argv<ExplainArgs>,
    handler: async ({ rule: asked }) => {
      const doc = readRuleDoc(asked);
      if (doc !== undefined) {
        process.stdout.write(doc.endsWith('\n') ? doc : `${doc}\n`);
        result.exitCode = EXIT_OK;
        return;
      }
      const cwd = process.cwd();
      // The rules `lint` would run here first (a config's own rules included), then every built-in one.
      const inForce = await (await openSession({ cwd })).ruleset();
      const ruleset = Object.hasOwn(inForce.rules, asked) ? inForce : await chooseRuleset({ rulesets: builtinRulesetNames(), cwd });
      const known = [...Object.keys(inForce.rules), ...Object.keys(ruleset.rules), ...TOOL_CODES];
      const close = Object.hasOwn(ruleset.rules, asked) ? [asked] : closeIds(asked, known);
      // An id written in other letter case is that id: show it, and say which.
      const rule = close.length === 1 && close[0]!.toLowerCase() === asked.toLowerCase() ? close[0]! : asked;
      if (rule !== asked) process.stderr.write(`apistyle: no rule "${asked}"; showing ${rule}\n`);
      const page = readRuleDoc(rule);
      if (page !== undefined) {
        process.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
        result.exitCode = EXIT_OK;
        return;
      }
      const found = inForce.rules[rule] ?? ruleset.rules[rule];
      if (found === undefined) {
        throw new UsageError(
          `unknown rule "${asked}"${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} ("apistyle rules" lists them)`,
        );
      }
      const url = ruleDocUrl(rule, Object.hasOwn(inForce.rules, rule) ? inForce.rules : ruleset.rules);
      process.stdout.write(
        `# ${rule}\n\nSeverity: ${severityName(found.severity)}\n\n${found.description ?? 'No description.'}\n${url !== undefined ? `\n${url}\n` : ''}`,
      );
      result.exitCode = EXIT_OK;
    },
  };
}
