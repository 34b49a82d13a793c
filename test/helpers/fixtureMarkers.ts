// Reads the `expect` markers of rule fixtures and compares them with what the linter finds. Both
// test/rules.test.ts (every fixture on disk) and test/fixture-runner.test.ts (deliberately wrong
// fixtures) use it, so the comparison that guards the rules is itself tested. The grammar is in
// rules.test.ts's header comment and README's "How it is built".
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { Parser } from 'yaml';
import { DUPLICATE_KEY, Engine } from '../../src/core/engine/engine.js';
import { INPUT_PROBLEM_CODES } from '../../src/core/results/types.js';
import type { Finding } from '../../src/core/results/types.js';

/** One `expect` marker: one finding that must start on its line. */
export interface Marker {
  file: string;
  /** One-based, as editors number lines. */
  line: number;
  /** The rule id written after `expect:`; the fixture folder's rule when none is. */
  rule: string | undefined;
  /** Text the finding's message must contain. */
  fragment: string | undefined;
  /** The marker as written, to quote it back in a mismatch. */
  text: string;
}

/** A fixture file's markers, and the problems with markers that could not be read. */
export interface MarkerScan {
  markers: Marker[];
  problems: string[];
}

const RULE_ID = /^[A-Za-z0-9_][\w.-]*/;

function isJson(file: string): boolean {
  return extname(file).toLowerCase() === '.json';
}

/** Where a `//` comment starts on a line of JSON, outside strings; -1 when there is none. */
function jsonCommentStart(line: string): number {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && line[i + 1] === '/') return i;
  }
  return -1;
}

/**
 * A JSON fixture's text as the linter must see it: every `//` comment removed, line breaks kept,
 * so that a finding's line is the line of its marker. JSON has no comments; writing markers as
 * `// expect` comments at line ends, as `# expect` in YAML, keeps the document itself untouched
 * (an `x-expect` member would add data the rules read), keeps each marker on its finding's line
 * (a companion file would list line numbers that drift), and lints plain JSON, so the fast JSON
 * path is the one tested (a JSON-with-comments document would send every fixture to the
 * fallback parser). JSON strings cannot span lines, so one line at a time is enough.
 */
export function stripJsonComments(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((part) => {
      const start = jsonCommentStart(part);
      return start === -1 ? part : part.slice(0, start).trimEnd();
    })
    .join('');
}

/** The text the linter is given for a fixture file: JSON without its comments, YAML as it is. */
export function lintedText(file: string): string {
  const text = readFileSync(file, 'utf8');
  return isJson(file) ? stripJsonComments(text) : text;
}

/** The comments of a YAML text with their offsets, as the YAML parser sees them (not `#` in scalars). */
function yamlComments(text: string): Array<{ offset: number; source: string }> {
  const found: Array<{ offset: number; source: string }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (typeof node === 'object' && node !== null) {
      const token = node as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string')
        found.push({ offset: token.offset, source: token.source });
      for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return found;
}

/** The comments of a file, one-based line to comment text (from its `#` or `//`). */
function commentsByLine(file: string, text: string): Map<number, string> {
  const comments = new Map<number, string>();
  if (isJson(file)) {
    text.split(/\r?\n/).forEach((line, i) => {
      const start = jsonCommentStart(line);
      if (start !== -1) comments.set(i + 1, line.slice(start).trimEnd());
    });
    return comments;
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  for (const { offset, source } of yamlComments(text)) {
    let line = lineStarts.findLastIndex((start) => start <= offset) + 1;
    if (line === 0) line = 1;
    comments.set(line, source.trimEnd());
  }
  return comments;
}

/**
 * The markers of one comment, or a problem when it starts like a marker but does not follow the
 * grammar; null when the comment is not a marker at all.
 */
function parseMarkerComment(comment: string, intro: string): Array<Omit<Marker, 'file' | 'line'>> | string | null {
  const startsMarker = (at: number): boolean => new RegExp(`^${intro}\\s*expect\\b`).test(comment.slice(at));
  if (!startsMarker(0)) return null;
  const markers: Array<Omit<Marker, 'file' | 'line'>> = [];
  const usage = `write \`${intro} expect\`, \`${intro} expect: <rule-id>\`, \`${intro} expect: "<message fragment>"\` or \`${intro} expect: <rule-id> "<message fragment>"\`, one marker per finding`;
  let at = 0;
  const skipSpaces = (): void => {
    while (at < comment.length && /\s/.test(comment[at]!)) at++;
  };
  while (at < comment.length) {
    if (!startsMarker(at)) return `unreadable marker \`${comment}\`: "${comment.slice(at)}" is not a marker; ${usage}`;
    const begin = at;
    at += intro.length;
    skipSpaces();
    at += 'expect'.length;
    let rule: string | undefined;
    let fragment: string | undefined;
    if (comment[at] === ':') {
      at++;
      skipSpaces();
      const id = RULE_ID.exec(comment.slice(at));
      if (id !== null) {
        rule = id[0];
        at += id[0].length;
        skipSpaces();
      }
      if (comment[at] === '"') {
        const literal = /^"(?:[^"\\]|\\.)*"/.exec(comment.slice(at));
        if (literal === null) return `unreadable marker \`${comment}\`: the message fragment has no closing quote`;
        try {
          fragment = JSON.parse(literal[0]) as string;
        } catch {
          return `unreadable marker \`${comment}\`: the message fragment ${literal[0]} is not a JSON string`;
        }
        if (fragment === '') return `unreadable marker \`${comment}\`: the message fragment is empty`;
        at += literal[0].length;
      }
      if (rule === undefined && fragment === undefined) return `unreadable marker \`${comment}\`: nothing after "expect:"; ${usage}`;
    }
    const text = comment.slice(begin, at).trim();
    skipSpaces();
    if (at < comment.length && !startsMarker(at))
      return `unreadable marker \`${comment}\`: "${comment.slice(at)}" is not a marker; ${usage}`;
    markers.push({ rule, fragment, text });
  }
  return markers;
}

/** The markers of a fixture file (YAML `#` comments, JSON `//` comments). */
export function scanMarkers(file: string, display: string = basename(file)): MarkerScan {
  const text = readFileSync(file, 'utf8');
  const intro = isJson(file) ? '//' : '#';
  const comments = commentsByLine(file, text);
  const markers: Marker[] = [];
  const problems: string[] = [];
  for (const [line, comment] of comments) {
    const parsed = parseMarkerComment(comment, intro);
    if (typeof parsed === 'string') problems.push(`${display}:${line}: ${parsed}`);
    else if (parsed !== null) for (const marker of parsed) markers.push({ file, line, ...marker });
  }
  // A marker written inside a quoted or block scalar is data, not a comment: it would mark
  // nothing and change the document, so it is an error rather than silently ignored.
  const lookalike = new RegExp(`(?:^|\\s)${intro}\\s*expect\\b`);
  text.split(/\r?\n/).forEach((lineText, i) => {
    const comment = comments.get(i + 1);
    if (lookalike.test(lineText) && (comment === undefined || parseMarkerComment(comment, intro) === null))
      problems.push(
        `${display}:${i + 1}: "${intro} expect" marks nothing here: a marker must begin a comment (this one is inside a string or a block scalar, or after other comment text)`,
      );
  });
  return { markers: markers.sort((a, b) => a.line - b.line), problems };
}

/** Pairs markers with findings so that as many as possible are matched (Kuhn's augmenting paths). */
function matchMarkers(markers: Marker[], findings: Finding[], fits: (marker: Marker, finding: Finding) => boolean): Map<number, number> {
  const findingOwner = new Map<number, number>();
  const tryMarker = (m: number, seen: Set<number>): boolean => {
    for (let f = 0; f < findings.length; f++) {
      if (seen.has(f) || !fits(markers[m]!, findings[f]!)) continue;
      seen.add(f);
      const owner = findingOwner.get(f);
      if (owner === undefined || tryMarker(owner, seen)) {
        findingOwner.set(f, m);
        return true;
      }
    }
    return false;
  };
  for (let m = 0; m < markers.length; m++) tryMarker(m, new Set());
  return new Map([...findingOwner].map(([f, m]) => [m, f]));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describeFinding(finding: Finding): string {
  const { start, end } = finding.range;
  const path = finding.path.length > 0 ? finding.path.join('.') : '(document)';
  return `${finding.code} ${JSON.stringify(finding.message)} at ${path} (${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1})`;
}

export interface FixtureLint {
  /** The folder's rule: the one every unqualified marker means. */
  ruleId: string;
  /** The fixture file; `valid-*` must give no finding of the rule, `invalid-*` the marked ones. */
  fixture: string;
  /** Files the fixture `$ref`s, directly or not: their markers and findings count too. */
  referencedFiles: readonly string[];
  findings: readonly Finding[];
}

/**
 * Every way the findings differ from the markers, one entry per problem, each naming the file
 * and line; empty when the fixture holds. Locations are shown relative to the folder above the
 * fixture's, so that they read `<rule-id>/<file>:<line>`.
 */
export function compareWithMarkers({ ruleId, fixture, referencedFiles, findings }: FixtureLint): string[] {
  const root = dirname(dirname(resolve(fixture)));
  const show = (file: string): string => relative(root, file).split('\\').join('/');
  const valid = basename(fixture).startsWith('valid');
  const files = [...new Set([resolve(fixture), ...referencedFiles.map((file) => resolve(file))])];
  for (const finding of findings) {
    const source = resolve(finding.source);
    if (!files.includes(source) && existsSync(source)) files.push(source);
  }

  const report: string[] = [];
  const markers: Marker[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const scan = scanMarkers(file, show(file));
    markers.push(...scan.markers);
    report.push(...scan.problems);
  }
  const ruleOf = (marker: Marker): string => marker.rule ?? ruleId;

  for (const problem of findings.filter((finding) => (INPUT_PROBLEM_CODES as readonly string[]).includes(finding.code)))
    report.push(
      `${show(resolve(problem.source))}:${problem.range.start.line + 1}: ${describeFinding(problem)}: a fixture must be read and linted without input problems or linter errors, whatever its rule`,
    );
  const lintable = findings.filter((finding) => !(INPUT_PROBLEM_CODES as readonly string[]).includes(finding.code));

  const ownMarkers = markers.filter((marker) => ruleOf(marker) === ruleId);
  const ownFindings = lintable.filter((finding) => finding.code === ruleId);
  if (valid && ownFindings.length > 0)
    report.push(`${show(resolve(fixture))}: a valid-* fixture must give no ${ruleId} finding; it gives ${ownFindings.length}`);
  if (valid && ownMarkers.length > 0)
    report.push(
      `${show(resolve(fixture))}: a valid-* fixture cannot expect a ${ruleId} finding: remove the ${plural(ownMarkers.length, 'marker')} at ${ownMarkers.map((m) => `${show(m.file)}:${m.line}`).join(', ')}`,
    );
  if (!valid && ownMarkers.length === 0)
    report.push(
      `${show(resolve(fixture))}: an invalid-* fixture must expect at least one ${ruleId} finding (a line ending in \`${isJson(fixture) ? '//' : '#'} expect\`)`,
    );

  // A duplicate key, once a parser error, means the fixture is not the document its author
  // wrote: it must be pinned (`expect: duplicate-key`) wherever it is, like the folder's rule.
  const alwaysPinned = new Set([ruleId, DUPLICATE_KEY]);
  const keyOf = (file: string, line: number): string => `${file}\n${String(line).padStart(9, '0')}`;
  const lines = new Set([
    ...markers.map((marker) => keyOf(marker.file, marker.line)),
    ...lintable
      .filter((finding) => alwaysPinned.has(finding.code))
      .map((finding) => keyOf(resolve(finding.source), finding.range.start.line + 1)),
  ]);
  // The fixture's own lines first, then the files it references.
  const order = (key: string): string => `${key.startsWith(`${files[0]}\n`) ? 0 : 1}${key}`;
  for (const key of [...lines].sort((a, b) => (order(a) < order(b) ? -1 : 1))) {
    const [file, lineText] = key.split('\n') as [string, string];
    const line = Number(lineText);
    const onLine = lintable.filter((finding) => resolve(finding.source) === file && finding.range.start.line + 1 === line);
    const lineMarkers = markers.filter((marker) => marker.file === file && marker.line === line);
    const named = new Set([...alwaysPinned, ...lineMarkers.map(ruleOf)]);
    // Other rules' findings are pinned only where a marker names their rule: elsewhere they are none of this fixture's business.
    const relevant = onLine.filter((finding) => named.has(finding.code));
    const matched = matchMarkers(
      lineMarkers,
      relevant,
      (marker, finding) => finding.code === ruleOf(marker) && (marker.fragment === undefined || finding.message.includes(marker.fragment)),
    );
    if (matched.size === lineMarkers.length && matched.size === relevant.length) continue;
    const counts = `expected ${plural(lineMarkers.length, 'finding')}, found ${relevant.length}`;
    const block = [`${show(file)}:${line}: ${counts}${lineMarkers.length === relevant.length ? ', but they do not match' : ''}`];
    const used = new Set(matched.values());
    lineMarkers.forEach((marker, m) => {
      const f = matched.get(m);
      if (f !== undefined) {
        block.push(`  ok: marker \`${marker.text}\` matches ${describeFinding(relevant[f]!)}`);
        return;
      }
      const wanted = `a ${ruleOf(marker)} finding${marker.fragment === undefined ? '' : ` whose message contains ${JSON.stringify(marker.fragment)}`}`;
      block.push(`  marker \`${marker.text}\` expects ${wanted}: none is left to match it`);
    });
    relevant.forEach((finding, f) => {
      if (!used.has(f)) block.push(`  finding with no marker: ${describeFinding(finding)}`);
    });
    // A marker may name the wrong rule: show what the other rules found here, though they are not counted.
    const uncounted = onLine.filter((finding) => !named.has(finding.code));
    if (matched.size < lineMarkers.length && uncounted.length > 0)
      block.push(`  not counted, no marker names their rule: ${uncounted.map(describeFinding).join('; ')}`);
    report.push(block.join('\n'));
  }
  return report;
}

/**
 * Lints one fixture as the rule tests do (its folder as the project root, JSON without its
 * comments, the files it references included) and compares the findings with its markers.
 */
export async function checkFixture(ruleset: Ruleset, ruleId: string, fixture: string): Promise<string[]> {
  return (await lintFixture(ruleset, ruleId, fixture)).mismatches;
}

/** Lints a fixture as `checkFixture` does, and gives its findings with the mismatches. */
export async function lintFixture(
  ruleset: Ruleset,
  ruleId: string,
  fixture: string,
): Promise<{ mismatches: string[]; findings: Finding[] }> {
  const source = resolve(fixture);
  const engine = new Engine({
    ruleset,
    projectRoot: dirname(source),
    // Referenced JSON files carry markers too: the resolver must read them without their comments.
    readOverride: (path) => (isJson(path) && existsSync(path) ? lintedText(path) : undefined),
  });
  const linted = await engine.lintInput({ source, text: lintedText(source) }, true);
  const mismatches = compareWithMarkers({ ruleId, fixture: source, referencedFiles: linted.referencedFiles, findings: linted.findings });
  return { mismatches, findings: linted.findings };
}
