// The Failing and Passing examples of a rule page, and the documents they stand for, as
// docs/rules/README.md ("Examples") describes them.
import { isMap, parseDocument } from 'yaml';

export interface DocExample {
  kind: 'failing' | 'passing';
  text: string;
  /** One-based line of the page on which the example's first line is. */
  line: number;
  /** One-based lines of the example that end with a `# reported` comment. */
  marked: number[];
}

/** A comment that opens with "reported": a finding of the page's rule starts on this line. */
const MARKER = /(?:^|\s)#\s*reported\b/;

/** The examples of a page's "## Examples" section: every YAML block, under the last "Failing…" or "Passing…" paragraph before it. */
export function docExamples(markdown: string, page: string): DocExample[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf('## Examples');
  if (start < 0) throw new Error(`${page} has no "## Examples" section`);
  const examples: DocExample[] = [];
  let kind: DocExample['kind'] | undefined;
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const line = lines[i]!;
    if (/^Failing\b/.test(line)) kind = 'failing';
    else if (/^Passing\b/.test(line)) kind = 'passing';
    if (!line.startsWith('```')) continue;
    if (line !== '```yaml') throw new Error(`${page}:${i + 1}: examples are \`\`\`yaml blocks`);
    if (kind === undefined) throw new Error(`${page}:${i + 1}: a YAML block before any "Failing" or "Passing" paragraph`);
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`${page}:${i + 1}: the YAML block is not closed`);
    const body = lines.slice(i + 1, end);
    examples.push({ kind, text: body.join('\n'), line: i + 2, marked: body.flatMap((text, n) => (MARKER.test(text) ? [n + 1] : [])) });
    i = end;
  }
  return examples;
}

/** The top-level keys an example lacks to be an OpenAPI document, appended after it so that its lines keep their numbers. */
export function exampleDocument(text: string): string {
  const document = parseDocument(text, { uniqueKeys: false });
  if (!isMap(document.contents)) throw new Error('an example is an OpenAPI document or its top (a YAML mapping)');
  const keys = new Set(document.contents.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key)));
  const missing = [
    ...(keys.has('openapi') || keys.has('swagger') ? [] : ['openapi: 3.0.3']),
    ...(keys.has('info') ? [] : ["info: {title: Example, version: '1.0'}"]),
    ...(keys.has('paths') ? [] : ['paths: {}']),
  ];
  return missing.length === 0 ? text : `${text}\n${missing.join('\n')}\n`;
}
