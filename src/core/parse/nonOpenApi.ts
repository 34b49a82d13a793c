import { DocumentData } from '../silence/documentData.js';
import { looksLikeOpenApi } from './document.js';
import type { Finding, LintReport } from '../results/types.js';

/**
 * Whether a finding says its file is not an OpenAPI document: one that parses but has no
 * `openapi`/`swagger` key, or one that does not even parse and does not declare itself OpenAPI
 * (a template, a broken config file). A broken file that does declare `openapi:` stays an error.
 */
async function isNonOpenApi(finding: Finding, documents: DocumentData): Promise<boolean> {
  if (finding.code === 'not-openapi') return true;
  if (finding.code !== 'parser' || finding.severity !== 0) return false;
  const text = await documents.text(finding.source);
  return text !== undefined && !looksLikeOpenApi(text);
}

/**
 * The report without the files that are not OpenAPI documents, as if they had not been named:
 * what a pre-commit hook wants, which passes every staged YAML and JSON file.
 */
export async function withoutNonOpenApi(report: LintReport, texts: ReadonlyMap<string, string> = new Map()): Promise<LintReport> {
  const documents = new DocumentData(texts);
  const skipped = new Set<string>();
  for (const finding of report.inputProblems) if (await isNonOpenApi(finding, documents)) skipped.add(finding.source);
  if (skipped.size === 0) return report;
  return {
    ...report,
    findings: report.findings.filter((finding) => !skipped.has(finding.source)),
    inputProblems: report.inputProblems.filter((finding) => !skipped.has(finding.source)),
    documents: report.documents.filter((document) => !skipped.has(document)),
  };
}
