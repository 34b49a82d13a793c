// The parts of docs/rules that are written from the rulesets rather than by hand: each page's
// header line and options table, and the index's table of each ruleset. They are read from the
// compiled built-in rulesets, the very definitions `apistyle lint` runs (severities, descriptions,
// functionOptions, with Spectral's own `extends` and override semantics), and from the option
// schemas of the functions those rulesets call. `npm run docs` writes them; test/docs.test.ts
// fails when a page is stale.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { stringify } from 'yaml';
import { COMPILED_RULESETS_DIR, PACKAGE_ROOT } from '../src/core/paths.js';
import { builtinDefinition, builtinRulesetFile, builtinRulesetNames } from '../src/core/config/rulesets.js';
import { severityName } from '../src/core/results/severity.js';
import type { SeverityName } from '../src/core/results/types.js';

export const DOCS_COMMAND = 'npm run docs';
export const INDEX_FILE = 'docs/rules/README.md';

/** The subset of JSON Schema the functions' option schemas use. */
export interface OptionSchema {
  type?: string | string[];
  properties?: Record<string, OptionSchema>;
  required?: string[];
  additionalProperties?: boolean | OptionSchema;
  enum?: unknown[];
  const?: unknown;
  items?: OptionSchema;
  oneOf?: OptionSchema[];
  anyOf?: OptionSchema[];
  $ref?: string;
  default?: unknown;
  description?: string;
}

export interface OptionsSchema {
  properties?: Record<string, OptionSchema>;
  required?: string[];
  definitions?: Record<string, OptionSchema>;
}

/** One `then` of a rule: a function and the options the rule passes it. */
export interface Check {
  functionName: string;
  /** The function's options schema; null when it takes no options. */
  schema: OptionsSchema | null;
  options: Record<string, unknown> | undefined;
}

/** A built-in ruleset that ships a rule, and how. */
export interface Shipped {
  ruleset: string;
  severity: SeverityName | 'off';
  description: string;
}

export interface RuleModel {
  id: string;
  /** The ruleset that defines the rule; the others that ship it extend that one. */
  home: string;
  /** Every built-in ruleset that ships the rule, its home first. */
  shippedIn: Shipped[];
  checks: Check[];
}

export interface DocsModel {
  /** Rule ids of each built-in ruleset, in the ruleset's order. */
  rulesets: Map<string, string[]>;
  rules: Map<string, RuleModel>;
}

interface FunctionWithSchemas {
  name: string;
  schemas?: { options: unknown };
}

function newestSource(name: string): { file: string; time: number } {
  const sources = [
    builtinRulesetFile(name),
    ...readdirSync(join(PACKAGE_ROOT, 'src/functions'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(PACKAGE_ROOT, 'src/functions', file)),
  ];
  return sources.map((file) => ({ file, time: statSync(file).mtimeMs })).reduce((a, b) => (b.time > a.time ? b : a));
}

/** The compiled ruleset, refused when a source it is built from changed after it was built. */
async function compiledRuleset(name: string): Promise<Ruleset> {
  const compiled = join(COMPILED_RULESETS_DIR, `${name}.js`);
  const source = newestSource(name);
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < source.time) {
    throw new Error(
      `dist/rulesets/${name}.js is older than ${source.file.slice(PACKAGE_ROOT.length + 1)}: run "npm run build" (or "${DOCS_COMMAND}")`,
    );
  }
  return new Ruleset(await builtinDefinition(name), { severity: 'recommended', source: builtinRulesetFile(name) });
}

export async function loadDocsModel(): Promise<DocsModel> {
  const names = builtinRulesetNames();
  const loaded = await Promise.all(names.map(async (name) => [name, await compiledRuleset(name)] as const));
  const rulesets = new Map<string, string[]>();
  const rules = new Map<string, RuleModel>();
  const shipped = new Map<string, Shipped[]>();
  for (const [name, ruleset] of loaded) {
    rulesets.set(name, Object.keys(ruleset.rules));
    for (const [id, rule] of Object.entries(ruleset.rules)) {
      const severity = rule.enabled ? severityName(rule.severity) : 'off';
      shipped.set(id, [...(shipped.get(id) ?? []), { ruleset: name, severity, description: rule.description ?? '' }]);
      if (rule.owner !== ruleset) continue;
      const checks = rule.then.map((then): Check => {
        const fn = then.function as unknown as FunctionWithSchemas;
        if (fn.schemas === undefined)
          throw new Error(`${id}: the function "${fn.name}" is not an apistyle function (it has no option schema)`);
        return {
          functionName: fn.name,
          schema: (fn.schemas.options ?? null) as OptionsSchema | null,
          options: (then.functionOptions ?? undefined) as Record<string, unknown> | undefined,
        };
      });
      rules.set(id, { id, home: name, shippedIn: [], checks });
    }
  }
  for (const [id, entries] of shipped) {
    const rule = rules.get(id);
    if (rule === undefined) throw new Error(`${id}: no built-in ruleset defines it (it is only inherited)`);
    rule.shippedIn = [...entries.filter((entry) => entry.ruleset === rule.home), ...entries.filter((entry) => entry.ruleset !== rule.home)];
  }
  return { rulesets, rules };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Text for a Markdown table cell: a pipe would end the cell, and `<N>` would be read as an HTML tag. */
function prose(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

/** A code span for a table cell: GFM ends the cell at a pipe even inside a code span, unless it is escaped. */
function code(text: string): string {
  const escaped = text.replace(/\|/g, '\\|');
  return text.includes('`') ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
}

/** A value as YAML on one line, as a rule author writes it in functionOptions. */
export function flowYaml(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, singleQuote: true, lineWidth: 0 }).trimEnd();
}

/** A value as a YAML block under `key`, its small collections kept on one line. */
function yamlLines(key: string, value: unknown, indent: string): string[] {
  const inline = `${indent}${key}: ${flowYaml(value)}`;
  if (typeof value !== 'object' || value === null || inline.length <= 100) return [inline];
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return wrappedFlow(inline, indent);
  if (Array.isArray(value)) return [`${indent}${key}:`, ...value.flatMap((item) => listItemLines(item, `${indent}  `))];
  return [`${indent}${key}:`, ...Object.entries(value).flatMap(([k, v]) => yamlLines(flowYaml(k), v, `${indent}  `))];
}

/** A flow sequence of scalars across lines of at most 100 characters, as YAML allows. */
function wrappedFlow(line: string, indent: string): string[] {
  const lines: string[] = [];
  let rest = line;
  while (rest.length > 100) {
    const cut = rest.lastIndexOf(', ', 100);
    if (cut <= indent.length) break;
    lines.push(rest.slice(0, cut + 1));
    rest = `${indent}  ${rest.slice(cut + 2)}`;
  }
  return [...lines, rest];
}

function listItemLines(item: unknown, indent: string): string[] {
  const inline = `${indent}- ${flowYaml(item)}`;
  if (typeof item !== 'object' || item === null || Array.isArray(item) || inline.length <= 100) return [inline];
  const lines = Object.entries(item).flatMap(([k, v]) => yamlLines(flowYaml(k), v, `${indent}  `));
  return lines.map((line, i) => (i === 0 ? `${indent}- ${line.slice(indent.length + 2)}` : line));
}

export function yamlBlock(key: string, value: unknown): string {
  return ['```yaml', ...yamlLines(key, value, ''), '```'].join('\n');
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** An option's type, written as TypeScript writes types. */
export function typeOf(schema: OptionSchema, definitions: Record<string, OptionSchema> = {}): string {
  if (schema.$ref !== undefined) {
    const target = definitions[schema.$ref.replace(/^#\/definitions\//, '')];
    if (target === undefined) throw new Error(`option schema: unknown $ref ${schema.$ref}`);
    return typeOf(target, definitions);
  }
  if ('const' in schema) return literal(schema.const);
  if (schema.enum !== undefined) return schema.enum.map(literal).join(' | ');
  const parts = schema.oneOf ?? schema.anyOf;
  if (parts !== undefined) return parts.map((part) => typeOf(part, definitions)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.length === 0) return 'any JSON value';
  return types
    .map((type) => {
      if (type === 'object') return objectType(schema, definitions);
      if (type !== 'array') return type;
      const item = schema.items === undefined ? 'unknown' : typeOf(schema.items, definitions);
      return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
    })
    .join(' | ');
}

/** An object's fields by name, `?` marking the optional ones; a map as `Record`. Field types are left to the description. */
function objectType(schema: OptionSchema, definitions: Record<string, OptionSchema>): string {
  if (schema.properties !== undefined) {
    const required = new Set(schema.required ?? []);
    return `{ ${Object.keys(schema.properties)
      .map((name) => `${name}${required.has(name) ? '' : '?'}`)
      .join(', ')} }`;
  }
  const values = schema.additionalProperties;
  if (typeof values === 'object') return `Record<string, ${typeOf(values, definitions)}>`;
  return 'object';
}

/** A default that is not a value ("all", "every response"), stated at the end of the description. */
const DEFAULT_IN_WORDS = /\s*\(default: ([^()]+)\)\.$/;

export interface OptionRow {
  name: string;
  type: string;
  /** Markdown: the schema's default as YAML, the default in words, "required" or "—". */
  default: string;
  /** Markdown: the value the rule passes, or "—". */
  value: string;
  description: string;
  /** Values too long for a cell, shown under the table. */
  below: Array<{ lead: string; key: string; value: unknown }>;
}

const CELL_WIDTH = 60;

function valueCell(name: string, value: unknown, lead: string, below: OptionRow['below']): string {
  const inline = flowYaml(value);
  if (inline.length <= CELL_WIDTH) return code(inline);
  below.push({ lead, key: name, value });
  return 'see below';
}

export function optionRows(check: Check): OptionRow[] {
  const schema = check.schema;
  if (schema === null) return [];
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const unknown = Object.keys(check.options ?? {}).filter((name) => !(name in properties));
  if (unknown.length > 0) throw new Error(`${check.functionName}: options ${unknown.join(', ')} are passed but not in its schema`);
  return Object.entries(properties).map(([name, property]) => {
    const below: OptionRow['below'] = [];
    let description = property.description ?? '';
    const inWords = DEFAULT_IN_WORDS.exec(description);
    let defaultCell = required.has(name) ? 'required' : '—';
    if ('default' in property) {
      defaultCell = valueCell(name, property.default, `${code(name)} by default:`, below);
    } else if (inWords !== null) {
      defaultCell = prose(inWords[1]!);
      description = `${description.slice(0, inWords.index)}.`;
    }
    const passed = check.options?.[name];
    const value = passed === undefined ? '—' : valueCell(name, passed, `${code(name)} in this rule:`, below);
    return { name, type: typeOf(property, schema.definitions), default: defaultCell, value, description, below };
  });
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

export function renderOptions(rule: RuleModel): string {
  const blocks: string[] = [];
  rule.checks.forEach((check, i) => {
    if (rule.checks.length > 1) blocks.push(`The ${ORDINALS[i] ?? `#${i + 1}`} check, ${code(check.functionName)}:`);
    const rows = optionRows(check);
    if (rows.length === 0) {
      blocks.push(`${code(check.functionName)} takes no options.`);
      return;
    }
    if (Object.keys(check.options ?? {}).length === 0) blocks.push('This rule passes no options: the defaults apply.');
    blocks.push(
      [
        '| option | type | default | in this rule | description |',
        '| --- | --- | --- | --- | --- |',
        ...rows.map((row) => `| ${code(row.name)} | ${code(row.type)} | ${row.default} | ${row.value} | ${prose(row.description)} |`),
      ].join('\n'),
    );
    for (const { lead, key, value } of rows.flatMap((row) => row.below)) blocks.push(lead, yamlBlock(key, value));
  });
  return blocks.join('\n\n');
}

export function renderHeader(rule: RuleModel): string {
  const severities = new Set(rule.shippedIn.map((entry) => entry.severity));
  const severity =
    severities.size === 1 ? [...severities][0]! : rule.shippedIn.map((entry) => `${entry.severity} in ${code(entry.ruleset)}`).join(', ');
  const rulesets = rule.shippedIn.map((entry) => code(entry.ruleset)).join(', ');
  const functions = [...new Set(rule.checks.map((check) => check.functionName))].map(code).join(', ');
  return `**Severity:** ${severity} · **Ruleset:** ${rulesets} · **Function:** ${functions}`;
}

export function renderIndexTable(model: DocsModel, ruleset: string): string {
  const rows = (model.rulesets.get(ruleset) ?? []).map((id) => {
    const rule = model.rules.get(id)!;
    const shipped = rule.shippedIn.find((entry) => entry.ruleset === ruleset)!;
    // One anchor per rule, in the table of the ruleset that defines it.
    const anchor = rule.home === ruleset ? `<a id="${id}"></a>` : '';
    return `| ${anchor}[${id}](${id}.md) | ${shipped.severity} | ${prose(shipped.description)} |`;
  });
  return ['| rule | severity | checks |', '| --- | --- | --- |', ...rows].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Generated parts of a file

export function markers(part: string): { begin: string; end: string } {
  return { begin: `<!-- begin generated ${part} (${DOCS_COMMAND}) -->`, end: `<!-- end generated ${part} -->` };
}

/** A generated part that differs from what the file holds. */
export interface StalePart {
  file: string;
  part: string;
  /** One-based line of the file where the first difference is. */
  line: number;
  expected: string;
  found: string;
}

export interface DocFile {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  text: string;
  /** The text with every generated part rewritten. */
  generated: string;
  stale: StalePart[];
}

interface Part {
  name: string;
  /** Line indices [from, to) of the part's content. */
  locate(lines: string[]): { from: number; to: number };
  render(): string;
}

function markedPart(file: string, name: string, render: () => string): Part {
  const { begin, end } = markers(name);
  return {
    name,
    // A blank line on each side keeps the comments out of the Markdown blocks between them.
    render: () => `\n${render()}\n`,
    locate(lines) {
      const from = lines.indexOf(begin);
      const to = lines.indexOf(end, from + 1);
      if (from < 0 || to < 0) throw new Error(`${file} has no generated ${name}: put the lines\n  ${begin}\n  ${end}\nwhere it goes`);
      return { from: from + 1, to };
    },
  };
}

function rewrite(file: string, text: string, parts: Part[]): DocFile {
  const lines = text.split('\n');
  const stale: StalePart[] = [];
  const replacements = parts.map((part) => {
    const { from, to } = part.locate(lines);
    const expected = part.render().split('\n');
    return { part, from, to, expected };
  });
  for (const { part, from, to, expected } of replacements) {
    const found = lines.slice(from, to);
    const at = expected.findIndex((line, i) => line !== found[i]);
    const differs = at >= 0 ? at : expected.length !== found.length ? expected.length : -1;
    if (differs >= 0) {
      stale.push({
        file,
        part: part.name,
        line: from + differs + 1,
        expected: expected[differs] ?? '(nothing: the part ends here)',
        found: found[differs] ?? '(nothing: the part ends here)',
      });
    }
  }
  const out = [...lines];
  for (const { from, to, expected } of [...replacements].sort((a, b) => b.from - a.from)) out.splice(from, to - from, ...expected);
  return { file, text, generated: out.join('\n'), stale };
}

function pageParts(file: string, rule: RuleModel): Part[] {
  const header: Part = {
    name: 'header',
    render: () => renderHeader(rule),
    locate(lines) {
      if (lines[0] !== `# ${rule.id}` || lines[1] !== '' || !lines[2]?.startsWith('**Severity:**')) {
        throw new Error(`${file}: the page must open with "# ${rule.id}", a blank line and the header line "**Severity:** …"`);
      }
      return { from: 2, to: 3 };
    },
  };
  return [header, markedPart(file, 'options', () => renderOptions(rule))];
}

/** Every file with generated parts, as it is and as it should be. */
export function docFiles(
  model: DocsModel,
  read: (file: string) => string = (file) => readFileSync(join(PACKAGE_ROOT, file), 'utf8'),
): DocFile[] {
  const files: DocFile[] = [];
  for (const rule of model.rules.values()) {
    const file = `docs/rules/${rule.id}.md`;
    files.push(rewrite(file, read(file), pageParts(file, rule)));
  }
  const tables = [...model.rulesets.keys()].map((ruleset) =>
    markedPart(INDEX_FILE, `rules of ${ruleset}`, () => renderIndexTable(model, ruleset)),
  );
  files.push(rewrite(INDEX_FILE, read(INDEX_FILE), tables));
  return files;
}
