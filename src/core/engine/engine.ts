import { join, resolve } from 'node:path';
import { Spectral, getDiagnosticSeverity } from '@stoplight/spectral-core';
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import type { IRange, JsonPath } from '@stoplight/types';
import { PolicyResolver, targetName } from '../refs/resolver.js';
import {
  decodeText,
  detectOpenApi,
  endOf,
  inputProblem,
  parseDocument,
  readBytes,
  STDIN_SOURCE,
  syntaxErrors,
  withinText,
} from '../parse/document.js';
import type { ParsedDocument } from '../parse/document.js';
import { takeFindingData } from './findingData.js';
import { nameRangeAt } from '../parse/nameRange.js';
import type { FindingData } from './findingData.js';
import type { Finding, InputProblem, LintReport } from '../results/types.js';
import { isInputProblem } from '../results/findings.js';

export { isInputProblem } from '../results/findings.js';
import { collectRefs, findBrokenRefs, findPointerOnlyCycles } from '../refs/refCycles.js';
import type { RefSite } from '../refs/refCycles.js';
import { parseRef, refTarget } from '../../oas/refSyntax.js';
import { isObject, valueAt } from '../../oas/json.js';
import { DOCUMENT_START } from '../parse/text.js';
import { keyProblems } from '../parse/yamlKeys.js';
import { hashText, stampOf } from '../session/cache.js';
import type { FileState } from '../session/cache.js';
import { oneLine } from '../errors.js';
import { ReferencedOverrides } from '../refs/referencedOverrides.js';
import { lintSafely } from './guard.js';
import { describeRuleFailure, guardRuleFunctions, takeRuleFailures } from './ruleGuard.js';

/** A document to lint: a file path, or text with the name to report it under. */
export type LintInput = string | { source: string; text: string };

export interface EngineOptions {
  ruleset: Ruleset;
  /** `$ref`s may not leave this directory (default: the current directory). */
  projectRoot?: string;
  /** Fetch http(s) `$ref`s (default: refused). */
  allowRemoteRefs?: boolean;
  /** Text to use instead of a referenced file's content on disk (an editor's unsaved buffer). */
  readOverride?: (path: string) => string | undefined;
  /**
   * Lint what the parser could read of a document with syntax errors, besides reporting them
   * (an editor's half-typed document); by default such a document gets its syntax errors only.
   */
  lintBrokenDocuments?: boolean;
}

/** A linted document, with what the result cache needs to know about it. */
export interface LintedInput {
  source: string;
  findings: Finding[];
  /** The files it `$ref`s, directly or through the files it references. */
  referencedFiles: string[];
  /** The hash of its content (and the stamp of its file, taken before reading it), when asked for and it could be read. */
  state: FileState | undefined;
}

/** Spectral reports duplicate keys as parser errors; they are findings here, the document is still linted. */
export const DUPLICATE_KEY = 'duplicate-key';

function toFinding(result: ISpectralDiagnostic, fallbackSource: string, data: FindingData | undefined): Finding {
  return {
    code: String(result.code),
    message: result.message,
    path: [...result.path],
    severity: result.severity,
    range: result.range,
    source: result.source ?? fallbackSource,
    ...(data !== undefined ? { data } : {}),
  };
}

/** The innermost messages of Spectral's nested errors ("Function "x" threw an exception: …"), one line. */
function describeRunError(error: unknown): string {
  const messages = new Set<string>();
  const visit = (e: unknown, depth: number): void => {
    if (depth > 5 || typeof e !== 'object' || e === null) return;
    const nested = [...((e as { errors?: unknown[] }).errors ?? []), (e as { cause?: unknown }).cause].filter((x) => x !== undefined);
    if (nested.length === 0) messages.add(oneLine(e));
    for (const inner of nested) visit(inner, depth + 1);
  };
  visit(error, 0);
  const all: string[] = [];
  const collect = (e: unknown, depth: number): void => {
    if (depth > 5 || typeof e !== 'object' || e === null) return;
    all.push(String((e as { message?: unknown }).message ?? ''));
    for (const inner of [...((e as { errors?: unknown[] }).errors ?? []), (e as { cause?: unknown }).cause]) collect(inner, depth + 1);
  };
  collect(error, 0);
  const named = all.map((m) => /Function \\?"([^"\\]+)\\?" threw an exception: ([^"\n]*)/.exec(m)).find((m) => m !== null);
  if (named) return `the rule function "${named[1]}" threw: ${named[2]}`;
  return [...messages].join('; ') || oneLine(error);
}

/** The range of the node closest to a path, kept inside the text (at the end of a text cut short, the YAML parser points past it). */
function rangeAt(document: ParsedDocument, path: JsonPath): IRange {
  return withinText(document.getRangeForJsonPath(path, true) ?? { start: DOCUMENT_START, end: DOCUMENT_START }, endOf(document));
}

/** Spectral's own `$ref` errors that `findBrokenRefs` reports better (at every `$ref`, and at the `$ref` rather than at its target) in local files. */
const RESOLVER_MESSAGES_CHECKED_HERE = /does not exist|JSON pointer is invalid|URI malformed/;

/** Lints documents with one ruleset; every problem, with input or rules, comes back as a finding. */
export class Engine {
  readonly #spectral: Spectral;
  readonly #resolver: PolicyResolver;
  readonly #projectRoot: string;
  readonly #duplicateKeysOff: boolean;
  readonly #inlineRefs: boolean;
  readonly #referencedOverrides: ReferencedOverrides;
  readonly #lintBroken: boolean;

  constructor(options: EngineOptions) {
    this.#projectRoot = resolve(options.projectRoot ?? process.cwd());
    // Only rules that read the resolved tree need the document's own `$ref`s inlined.
    this.#inlineRefs = Object.values(options.ruleset.rules).some((rule) => rule.enabled && rule.resolved);
    this.#resolver = new PolicyResolver(
      {
        projectRoot: this.#projectRoot,
        allowRemoteRefs: options.allowRemoteRefs ?? false,
        ...(options.readOverride !== undefined ? { readOverride: options.readOverride } : {}),
      },
      {
        inlineRefs: this.#inlineRefs,
        referencesFiles: (data) => this.#refsOf(data).some(({ ref }) => ['file', 'url'].includes(parseRef(ref).kind)),
      },
    );
    this.#spectral = new Spectral({ resolver: this.#resolver });
    guardRuleFunctions(options.ruleset);
    this.#spectral.setRuleset(options.ruleset);
    this.#referencedOverrides = new ReferencedOverrides(options.ruleset);
    this.#lintBroken = options.lintBrokenDocuments ?? false;
    this.#duplicateKeysOff = getDiagnosticSeverity(options.ruleset.parserOptions.duplicateKeys) === -1;
  }

  async lintOne(input: LintInput): Promise<Finding[]> {
    return (await this.lintInput(input)).findings;
  }

  /** Lints one document and says which files it `$ref`s; with `withState`, also its content's hash and file stamp (for the cache). */
  async lintInput(input: LintInput, withState = false): Promise<LintedInput> {
    const source = typeof input === 'string' ? resolve(input) : input.source;
    const stamp = withState && typeof input === 'string' ? stampOf(source) : undefined;
    const content = typeof input === 'string' ? await readBytes(source) : input.text;
    if (typeof content !== 'string' && !(content instanceof Uint8Array))
      return { source, findings: [content], referencedFiles: [], state: undefined };
    const text = typeof content === 'string' ? content : decodeText(content, source);
    if (typeof text !== 'string') return { source, findings: [text], referencedFiles: [], state: undefined };
    const findings = await lintSafely(source, () => this.#lintText(source, text));
    // The cache is keyed by the bytes as read.
    const state = withState ? { content: hashText(content), ...(stamp !== undefined ? { stamp } : {}) } : undefined;
    return { source, findings, referencedFiles: withState ? this.#referencedFiles(source) : [], state };
  }

  /**
   * Lints text in memory afresh, every referenced file read again, and says which files it
   * `$ref`s: what a long-running client (the language server) needs, since files change between runs.
   */
  async lintText(source: string, text: string): Promise<{ findings: Finding[]; referencedFiles: string[] }> {
    this.#resolver.forgetFiles();
    // The data of an earlier text must not stand for this one's if this one cannot be parsed.
    this.#lastData = undefined;
    const findings = await lintSafely(source, () => this.#lintText(source, text));
    return { findings, referencedFiles: this.#referencedFiles(source) };
  }

  /** The files a document `$ref`s, directly or through the files it references. */
  #referencedFiles(source: string): string[] {
    const found = new Set<string>();
    const queue = [source];
    while (queue.length > 0) {
      const from = queue.pop()!;
      const data = from === source ? this.#lastData : this.#resolver.referenced.get(from);
      for (const { ref } of this.#refsOf(data)) {
        const parsed = parseRef(ref);
        if (parsed.kind !== 'file') continue;
        const file = refTarget(parsed, from)!;
        if (!found.has(file)) {
          found.add(file);
          queue.push(file);
        }
      }
    }
    return [...found];
  }

  #lastData: unknown;
  readonly #refs = new WeakMap<object, RefSite[]>();

  /** The `$ref`s of a parsed document, collected once: the lint, the `$ref` checks and the cache all need them. */
  #refsOf(data: unknown): RefSite[] {
    if (typeof data !== 'object' || data === null) return [];
    let refs = this.#refs.get(data);
    if (refs === undefined) {
      refs = collectRefs(data);
      this.#refs.set(data, refs);
    }
    return refs;
  }

  async #lintText(source: string, text: string): Promise<Finding[]> {
    // Standard input gets a name inside the project so that its relative `$ref`s resolve from there.
    const documentSource = source === STDIN_SOURCE ? join(this.#projectRoot, STDIN_SOURCE) : source;
    const document = parseDocument(documentSource, text);
    this.#lastData = document.data;
    const broken = syntaxErrors(document).map((problem) => ({ ...problem, source }));
    if (broken.length > 0 && !this.#lintBroken) return broken;

    const version = detectOpenApi(document.data);
    if (typeof version !== 'string') return broken.length > 0 ? broken : [inputProblem(source, 'not-openapi', version.problem)];

    let results: ISpectralDiagnostic[];
    try {
      results = await this.#spectral.run(document);
    } catch (error) {
      // A rule function that throws stops Spectral's whole run of this document; the other documents go on.
      return [inputProblem(source, 'linter-error', `linting stopped: ${describeRunError(error)}`)];
    }
    const dataOf = takeFindingData(document);
    // Spectral applies `parserOptions.duplicateKeys` to the linted document only; apply it to the files it references too.
    const duplicatesOff = this.#duplicateKeysOff;
    const findings = results
      .filter((result) => !(duplicatesOff && result.code === 'parser' && result.message.startsWith('Duplicate key')))
      .map((result) => {
        const finding = toFinding(result, source, dataOf(String(result.code), result.path, result.message));
        if (finding.code === 'parser' && finding.message.startsWith('Duplicate key')) finding.code = DUPLICATE_KEY;
        return finding.source === documentSource ? { ...finding, source, range: withinText(finding.range, endOf(document)) } : finding;
      });
    // Referenced files parsed again, once, for the ranges of the findings in them.
    const inFiles = new Map<string, ParsedDocument | null>();
    const refProblems = this.#refProblems(document, source, documentSource, inFiles);
    const refSites = new Set(refProblems.map((problem) => JSON.stringify([problem.source, problem.path])));
    // Spectral reports the syntax errors too: keep one of each.
    const known = new Set(broken.map((problem) => JSON.stringify([problem.message, problem.range])));
    const rest = findings.filter((finding) => {
      if (finding.code === 'parser') return !known.has(JSON.stringify([finding.message, finding.range]));
      if (finding.code !== 'invalid-ref') return true;
      if (refSites.has(JSON.stringify([finding.source, finding.path]))) return false;
      // Inside a remote document only the resolver checks `$ref`s.
      return /^[a-z][a-z0-9+.-]*:/i.test(finding.source) || !RESOLVER_MESSAGES_CHECKED_HERE.test(finding.message);
    });
    const contentOf = (file: string): unknown =>
      file === source || file === documentSource ? document.data : this.#resolver.referenced.get(targetName(file));
    // A rule whose function threw is reported where it threw; the other rules' findings stand.
    const failedRules = takeRuleFailures(document).map((failure) => ({
      ...inputProblem(source, 'linter-error', describeRuleFailure(failure)),
      path: failure.path,
      range: rangeAt(document, failure.path),
    }));
    const placed = this.#referencedOverrides.apply(this.#placeResolverErrors(rest, document, source, refSites, inFiles), source, contentOf);
    return [
      ...broken,
      ...keyProblems(document.data, source),
      ...refProblems,
      ...failedRules,
      ...this.#placeNames(placed, document, source, inFiles),
    ];
  }

  /**
   * Findings about a name point at the name as written, in the file that holds it; they are then
   * put back in Spectral's order (by file, then position; ties as Spectral left them).
   */
  #placeNames(findings: Finding[], document: ParsedDocument, source: string, inFiles: Map<string, ParsedDocument | null>): Finding[] {
    let moved = false;
    const placed = findings.map((finding) => {
      const name = finding.data?.name;
      if (name === undefined) return finding;
      const holder = finding.source === source ? document : this.#referencedDocument(finding.source, inFiles);
      const range = holder === null ? undefined : nameRangeAt(holder, finding.path, name);
      if (range === undefined) return finding;
      moved = true;
      return { ...finding, range };
    });
    if (!moved) return placed;
    const fileOrder = new Map<string, number>();
    for (const finding of placed) if (!fileOrder.has(finding.source)) fileOrder.set(finding.source, fileOrder.size);
    return placed.sort(
      (a, b) =>
        fileOrder.get(a.source)! - fileOrder.get(b.source)! ||
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character,
    );
  }

  /** Every broken `$ref` of a document and the files it reaches, each at its `$ref`, in the file that holds it. */
  #refProblems(
    document: ParsedDocument,
    source: string,
    documentSource: string,
    inFiles: Map<string, ParsedDocument | null>,
  ): InputProblem[] {
    const refs = this.#refsOf(document.data);
    const lookup = (file: string): unknown => this.#resolver.referenced.get(file);
    const problems = [
      ...findBrokenRefs({
        root: document.data,
        rootSource: documentSource,
        refs,
        lookup,
        refsOf: (data) => this.#refsOf(data),
        failureOf: (target) => this.#resolver.failures.get(target),
      }),
      ...findPointerOnlyCycles(document.data, documentSource, lookup, refs),
    ];
    return problems.map((problem) => {
      if (problem.source === documentSource) return { ...problem, source, range: rangeAt(document, problem.path) };
      return { ...problem, range: this.#rangeInReferenced(problem.source, problem.path, inFiles) };
    });
  }

  /**
   * The resolver's own `$ref` errors (those `findBrokenRefs` cannot tell: how it reads an odd URL,
   * say), placed as the others: Spectral keeps one per message, so each goes to every `$ref` in its
   * file written the same way; and in a referenced file it is measured in that file, not in the
   * linted document.
   */
  #placeResolverErrors(
    findings: Finding[],
    document: ParsedDocument,
    source: string,
    reported: Set<string>,
    inFiles: Map<string, ParsedDocument | null>,
  ): Finding[] {
    const rangeIn = (file: string, path: JsonPath): IRange =>
      file === source ? rangeAt(document, path) : this.#rangeInReferenced(file, path, inFiles);
    const placed: Finding[] = [];
    for (const finding of findings) {
      if (finding.code !== 'invalid-ref') {
        placed.push(finding);
        continue;
      }
      placed.push(finding.source === source ? finding : { ...finding, range: rangeIn(finding.source, finding.path) });
      const data = finding.source === source ? document.data : this.#resolver.referenced.get(targetName(finding.source));
      const holder = valueAt(data, finding.path.slice(0, -1));
      const ref = isObject(holder) ? holder['$ref'] : undefined;
      if (ref === undefined) continue;
      reported.add(JSON.stringify([finding.source, finding.path]));
      for (const site of this.#refsOf(data)) {
        const path = [...site.path, '$ref'];
        const key = JSON.stringify([finding.source, path]);
        if (site.ref !== ref || reported.has(key)) continue;
        reported.add(key);
        placed.push({ ...finding, path, range: rangeIn(finding.source, path) });
      }
    }
    return placed;
  }

  /** A file the resolver read, parsed again (once) for positions in it; null when its text is not at hand. */
  #referencedDocument(file: string, parsed: Map<string, ParsedDocument | null>): ParsedDocument | null {
    const name = targetName(file);
    let document = parsed.get(name);
    if (document === undefined) {
      const text = this.#resolver.referencedTexts.get(name);
      try {
        document = text === undefined ? null : parseDocument(name, text);
      } catch {
        // A file too large or deep to parse again was refused when it was read; its findings go at its start.
        document = null;
      }
      parsed.set(name, document);
    }
    return document;
  }

  /** The range of a path in a file the resolver read; the file's start when its text is not at hand. */
  #rangeInReferenced(file: string, path: JsonPath, parsed: Map<string, ParsedDocument | null>): IRange {
    const document = this.#referencedDocument(file, parsed);
    return document === null ? { start: DOCUMENT_START, end: DOCUMENT_START } : rangeAt(document, path);
  }

  async lint(inputs: readonly LintInput[]): Promise<LintReport> {
    const findings: Finding[] = [];
    const documents: string[] = [];
    for (const input of inputs) {
      documents.push(typeof input === 'string' ? resolve(input) : input.source);
      // Not push(...): a large document's findings overflow the argument list.
      for (const finding of await this.lintOne(input)) findings.push(finding);
    }
    return { findings, inputProblems: findings.filter(isInputProblem), documents };
  }
}
