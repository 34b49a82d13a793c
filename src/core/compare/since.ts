import { execFile } from 'node:child_process';
import { basename, dirname, isAbsolute } from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import type { JsonPath } from '@stoplight/types';
import { isObject, valueAt } from '../../oas/json.js';
import { DocumentData } from '../silence/documentData.js';
import { parseDocument } from '../parse/document.js';
import { UsageError } from '../errors.js';
import { isInputProblem } from '../results/findings.js';
import { externalRefTarget } from '../refs/refTarget.js';
import type { Finding, LintReport } from '../results/types.js';

const run = promisify(execFile);

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** Top-level keys whose entries are units of their own (paths, webhooks, components; Swagger 2.0's shared definitions). */
const PATH_CONTAINERS = new Set(['paths', 'webhooks']);
const NAMED_CONTAINERS = new Set(['definitions', 'parameters', 'responses', 'securityDefinitions']);
const CONTAINERS = new Set([...PATH_CONTAINERS, ...NAMED_CONTAINERS, 'components']);

/**
 * The part of a document a finding belongs to, and how to compare it: an operation, a path item's
 * shared fields, a component, a top-level field, or a container's list of names. A finding is new
 * when its part was added or changed; an edit elsewhere leaves it alone.
 */
interface Unit {
  path: JsonPath;
  view: 'whole' | 'keys' | 'without-operations' | 'without-containers';
}

export function unitOf(path: JsonPath): Unit {
  const [first, second, third] = path.map(String);
  if (first === undefined) return { path: [], view: 'without-containers' };
  if (PATH_CONTAINERS.has(first)) {
    if (second === undefined) return { path: [first], view: 'keys' };
    if (third !== undefined && HTTP_METHODS.has(third)) return { path: [first, second, third], view: 'whole' };
    return { path: [first, second], view: 'without-operations' };
  }
  if (first === 'components') {
    if (third === undefined) return { path: path.slice(0, 2), view: 'keys' };
    return { path: [first, second!, third], view: 'whole' };
  }
  if (NAMED_CONTAINERS.has(first) && second !== undefined) return { path: [first, second], view: 'whole' };
  if (NAMED_CONTAINERS.has(first)) return { path: [first], view: 'keys' };
  return { path: [first], view: 'whole' };
}

function view(data: unknown, unit: Unit): unknown {
  const value = valueAt(data, unit.path);
  if (unit.view === 'whole' || !isObject(value)) return value;
  if (unit.view === 'keys') return Object.keys(value).sort();
  const omit = unit.view === 'without-operations' ? HTTP_METHODS : CONTAINERS;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !omit.has(key)));
}

/** Whether the part of `path` differs between two versions of a file (undefined before: the file is new). */
export function changedBetween(before: unknown, after: unknown, path: JsonPath): boolean {
  if (before === undefined) return true;
  const unit = unitOf(path);
  return !isDeepStrictEqual(view(before, unit), view(after, unit));
}

/** Checks that `ref` names a commit, in the git repository `cwd` is in. */
async function verifyRef(ref: string, cwd: string): Promise<void> {
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new UsageError(`--since ${ref}: git is not installed`);
    const stderr = String(failure.stderr ?? '');
    if (/not a git repository/i.test(stderr)) throw new UsageError(`--since ${ref}: ${cwd} is not in a git repository`);
    throw new UsageError(`--since ${ref}: no such commit, branch or tag`);
  }
}

/** The data of a file at a git revision; undefined when the file did not exist there (or is not in the repository). */
async function dataAt(ref: string, file: string): Promise<unknown> {
  if (!isAbsolute(file)) return undefined;
  try {
    const { stdout } = await run('git', ['show', `${ref}:./${basename(file)}`], {
      cwd: dirname(file),
      maxBuffer: 512 * 1024 * 1024,
      encoding: 'utf8',
    });
    return parseDocument(file, stdout).data ?? null;
  } catch {
    return undefined;
  }
}

/**
 * Keeps in `findings` only those on parts of the documents added or changed since the git
 * revision `ref` (the rest go to `comparison.existing`). A finding reported at a `$ref` to another
 * file is new when either the part holding the `$ref` or the referenced part changed. Documents
 * that did not exist at `ref` are new as a whole. What was fixed since `ref` is not known: the
 * documents at `ref` are compared, not linted.
 */
export async function compareWithRevision(
  report: LintReport,
  ref: string,
  cwd: string,
  texts: ReadonlyMap<string, string> = new Map(),
): Promise<LintReport> {
  await verifyRef(ref, cwd);
  const current = new DocumentData(texts);
  const before = new Map<string, Promise<unknown>>();
  const old = (file: string): Promise<unknown> => {
    let pending = before.get(file);
    if (pending === undefined) {
      pending = dataAt(ref, file);
      before.set(file, pending);
    }
    return pending;
  };
  const changed = async (file: string, path: JsonPath): Promise<boolean> => changedBetween(await old(file), await current.data(file), path);

  const findings: Finding[] = [];
  const existing: Finding[] = [];
  for (const finding of report.findings) {
    if (isInputProblem(finding)) {
      findings.push(finding);
      continue;
    }
    let isNew = await changed(finding.source, finding.path);
    if (!isNew && finding.path[finding.path.length - 1] === '$ref') {
      const target = externalRefTarget(finding, await current.data(finding.source));
      if (target !== undefined) isNew = await changed(target.file, target.path);
    }
    (isNew ? findings : existing).push(finding);
  }
  return { ...report, findings, comparison: { against: ref, existing, fixed: [] } };
}
