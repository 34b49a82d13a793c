import type { Argv, CommandModule } from 'yargs';
import { openSession } from '../../api.js';
import { ruleDocUrl } from '../../core/docs.js';
import { EXIT_OK } from '../../core/results/exitCode.js';
import { severityName } from '../../core/results/severity.js';
import type { CommandResult } from '../result.js';

interface RulesArgs {
  ruleset: string[] | undefined;
  config: string | undefined;
  json: boolean;
  format: RulesFormat;
}

/** What `rules` prints: a table for people, or JSON; `-f` as for `lint`. */
const RULES_FORMATS = ['text', 'json'] as const;
type RulesFormat = (typeof RULES_FORMATS)[number];

/** `apistyle rules`: the rules of the ruleset a lint would use, with severity and description. */
export function rulesCommand(result: CommandResult): CommandModule<object, RulesArgs> {
  return {
    command: 'rules',
    describe: 'List the rules of a ruleset with their severity and description',
    builder: (yargs: Argv) =>
      yargs
        .option('ruleset', {
          alias: 'r',
          describe: 'Built-in ruleset or ruleset file; repeatable. Default: as for lint',
          type: 'string',
          requiresArg: true,
          coerce: (value: string | string[]) => (Array.isArray(value) ? value : [value]),
        })
        .option('config', { alias: 'c', describe: 'Config file', type: 'string', requiresArg: true })
        .option('format', { alias: 'f', describe: 'Output format', choices: RULES_FORMATS, default: 'text' as RulesFormat })
        .option('json', { describe: 'Print JSON (the same as -f json)', type: 'boolean', default: false }) as unknown as Argv<RulesArgs>,
    handler: async (args) => {
      const session = await openSession({
        ...(args.config !== undefined ? { configPath: args.config } : {}),
        ...(args.ruleset !== undefined ? { ruleset: args.ruleset } : {}),
      });
      const ruleset = await session.ruleset();
      const rules = Object.entries(ruleset.rules)
        .map(([id, rule]) => ({
          id,
          severity: rule.enabled ? severityName(rule.severity) : 'off',
          description: rule.description ?? '',
          documentationUrl: ruleDocUrl(id, ruleset.rules) ?? null,
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
      if (args.json || args.format === 'json') {
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      } else {
        const idWidth = Math.max(...rules.map((r) => r.id.length), 4);
        for (const rule of rules) process.stdout.write(`${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(5)}  ${rule.description}\n`);
        process.stdout.write(`\n${rules.length} rules, ${rules.filter((r) => r.severity !== 'off').length} enabled.\n`);
      }
      result.exitCode = EXIT_OK;
    },
  };
}
