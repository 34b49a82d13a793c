import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '@stoplight/spectral-core';
import { CODE_DOCS_DIR, RULE_DOCS_DIR } from './paths.js';
import { REPOSITORY_URL } from './packageInfo.js';
import { TOOL_CODES } from './results/types.js';

const TOOL_CODE_SET: ReadonlySet<string> = new Set(TOOL_CODES);

/** The folder of docs/ a rule id or tool code has its page in: `rules`, or `codes` for what apistyle reports itself. */
function docFolder(id: string): { dir: string; folder: string } {
  return TOOL_CODE_SET.has(id) ? { dir: CODE_DOCS_DIR, folder: 'codes' } : { dir: RULE_DOCS_DIR, folder: 'rules' };
}

/** The doc page shipped for a rule id or a tool code (`parser`), if apistyle has one. */
export function ruleDocFile(ruleId: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  const file = join(docFolder(ruleId).dir, `${ruleId}.md`);
  return existsSync(file) ? file : undefined;
}

/** The comments that fence a page's generated parts (`npm run docs`), with the blank line after: they speak to maintainers. */
const GENERATED_PART_FENCE = /^<!-- (?:begin|end) generated [^\n]*-->\n\n?/gm;

/** A rule's doc page, as users read it. */
export function readRuleDoc(ruleId: string): string | undefined {
  const file = ruleDocFile(ruleId);
  return file === undefined ? undefined : readFileSync(file, 'utf8').replace(GENERATED_PART_FENCE, '');
}

/**
 * The one place rule links are made: apistyle's own rules link to their page in docs/rules,
 * computed from the id; other rules (a user's, Spectral's) to the documentationUrl their ruleset gives.
 */
export function ruleDocUrl(ruleId: string, rules?: Readonly<Record<string, Rule>>): string | undefined {
  if (ruleDocFile(ruleId) !== undefined) return `${REPOSITORY_URL}/blob/main/docs/${docFolder(ruleId).folder}/${ruleId}.md`;
  const rule = rules?.[ruleId];
  return rule?.documentationUrl ?? undefined;
}
