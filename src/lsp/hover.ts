import type { Ruleset } from '@stoplight/spectral-core';
import type { Hover, Position, Range } from 'vscode-languageserver/node';
import { readRuleDoc, ruleDocUrl } from '../core/docs.js';
import type { Finding } from '../core/results/types.js';

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

/** A rule's page up to its examples: what it checks, why, and the standard's sections. */
function ruleSummary(ruleId: string, ruleset: Ruleset): string {
  const url = ruleDocUrl(ruleId, ruleset.rules);
  const link = url === undefined ? '' : `\n\n[${ruleId} documentation](${url})`;
  const page = readRuleDoc(ruleId);
  if (page !== undefined) {
    const cut = page.search(/^## (?:Examples|Options|Turning it off)/m);
    return `${(cut === -1 ? page : page.slice(0, cut)).trim()}${link}`;
  }
  const rule = ruleset.rules[ruleId];
  return `**${ruleId}**${rule?.description ? `: ${rule.description}` : ''}${link}`;
}

/** The doc pages of the rules whose findings cover a position. */
export function hoverAt(findings: readonly Finding[], documentPath: string, position: Position, ruleset: Ruleset): Hover | null {
  const here = findings.filter((finding) => finding.source === documentPath && contains(finding.range, position));
  if (here.length === 0) return null;
  const rules = [...new Set(here.map((finding) => finding.code))];
  return {
    contents: { kind: 'markdown', value: rules.map((id) => ruleSummary(id, ruleset)).join('\n\n---\n\n') },
    range: here[0]!.range,
  };
}
