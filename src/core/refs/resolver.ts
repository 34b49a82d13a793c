import { realpathSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { checkYamlAliases, isStackOverflow, nestsDeeperThan, tooDeepMessage } from '../parse/inputLimits.js';
import { DEFAULT_REMOTE_LIMITS, fetchRemoteText, RemoteRefusedError } from './remoteFetch.js';
import type { RemoteLimits } from './remoteFetch.js';
import { describeReadError } from '../errors.js';

export interface ResolverPolicy {
  /** `$ref`s to files outside this directory are refused. */
  projectRoot: string;
  /** Fetch `http:`/`https:` `$ref`s; refused when false. */
  allowRemoteRefs: boolean;
  /** Bounds on a remote fetch, so an opted-in `$ref` cannot stall or flood a run. */
  remoteTimeoutMs?: number;
  remoteMaxBytes?: number;
  /** Text to use instead of a file's content on disk (an editor's unsaved buffer); undefined: read the disk. */
  readOverride?: (path: string) => string | undefined;
  remoteMaxRedirects?: number;
}

interface RefUri {
  href(): string;
}

export class RefRefusedError extends Error {}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of a directory, or the path itself when it cannot be resolved (it then contains nothing). */
function realDirectory(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function fileReader(policy: ResolverPolicy) {
  const root = resolvePath(policy.projectRoot);
  const realRoot = realDirectory(root);
  return async (ref: RefUri): Promise<string> => {
    const path = resolvePath(decodeURIComponent(ref.href()));
    if (!isInside(root, path)) {
      throw new RefRefusedError(`$ref to "${path}" refused: it leaves the project directory ${root}`);
    }
    const override = policy.readOverride?.(path);
    if (override !== undefined) return override;
    let text: string;
    try {
      // A symbolic link inside the project may point anywhere: what is read must be inside too.
      const real = await realpath(path);
      if (!isInside(realRoot, real))
        throw new RefRefusedError(`$ref to "${path}" refused: it is a link to "${real}", outside the project directory ${root}`);
      text = await readFile(real, 'utf8');
    } catch (error) {
      if (error instanceof RefRefusedError) throw error;
      throw new Error(`$ref to "${path}": ${describeReadError(error)}`);
    }
    checkReferencedText(path, text);
    return text;
  };
}

/** A referenced file gets the same limits as a linted document. */
function checkReferencedText(name: string, text: string): void {
  if (/\.json$/i.test(name.split('#', 1)[0]!)) return;
  try {
    checkYamlAliases(text);
  } catch (error) {
    throw new Error(`$ref to "${name}": ${(error as Error).message}`);
  }
}

function remoteReader(policy: ResolverPolicy) {
  const limits: RemoteLimits = {
    ...DEFAULT_REMOTE_LIMITS,
    ...(policy.remoteTimeoutMs !== undefined ? { timeoutMs: policy.remoteTimeoutMs } : {}),
    ...(policy.remoteMaxBytes !== undefined ? { maxBytes: policy.remoteMaxBytes } : {}),
    ...(policy.remoteMaxRedirects !== undefined ? { maxRedirects: policy.remoteMaxRedirects } : {}),
  };
  return async (ref: RefUri): Promise<string> => {
    const url = ref.href();
    if (!policy.allowRemoteRefs) {
      throw new RefRefusedError(`remote $ref to "${url}" refused: pass --allow-remote-refs to fetch remote references`);
    }
    let text: string;
    try {
      text = await fetchRemoteText(url, limits);
    } catch (error) {
      throw new (error instanceof RemoteRefusedError ? RefRefusedError : Error)(`remote $ref to "${url}": ${(error as Error).message}`);
    }
    checkReferencedText(url, text);
    return text;
  };
}

type ResolveOptions = NonNullable<Parameters<Resolver['resolve']>[1]>;
type ParseResolveResult = NonNullable<ResolveOptions['parseResolveResult']>;

/**
 * A `$ref` resolver that reads local files inside the project, fetches remote ones only when
 * allowed, and keeps what Spectral parsed of each referenced file, by absolute path, for the
 * checks that need to look across files after the run.
 */
export class PolicyResolver extends Resolver {
  readonly referenced = new Map<string, unknown>();

  /**
   * `inlineRefs: false` leaves the linted document's own `$ref`s in place: rules that walk the
   * document as written (`resolved: false`) never read the resolved tree, and building it is the
   * costliest part of a large document's run. Files it references are still read.
   */
  readonly #inlineRefs: boolean;
  readonly #referencesFiles: (data: unknown) => boolean;

  /**
   * `referencesFiles` says whether a document has `$ref`s to other files; without them, and
   * without inlining, there is nothing to resolve, and the resolver's crawl of a large document
   * is skipped.
   */
  constructor(
    policy: ResolverPolicy,
    { inlineRefs = true, referencesFiles = () => true }: { inlineRefs?: boolean; referencesFiles?: (data: unknown) => boolean } = {},
  ) {
    const remote = { resolve: remoteReader(policy) };
    super({ resolvers: { file: { resolve: fileReader(policy) }, http: remote, https: remote }, dereferenceInline: inlineRefs });
    this.#inlineRefs = inlineRefs;
    this.#referencesFiles = referencesFiles;
  }

  /** Forgets every file read so far, so the next run reads them again (they may have changed since). */
  forgetFiles(): void {
    this.uriCache.purge();
    this.referenced.clear();
  }

  override resolve(source: unknown, options?: ResolveOptions): ReturnType<Resolver['resolve']> {
    if (!this.#inlineRefs && !this.#referencesFiles(source)) {
      // What the crawl would return for such a document; Spectral reads the graph only for rules on the resolved tree.
      return Promise.resolve({ result: source, refMap: {}, graph: null, errors: [], runner: null } as unknown as Awaited<
        ReturnType<Resolver['resolve']>
      >);
    }
    const parse = options?.parseResolveResult;
    if (parse === undefined) return super.resolve(source, options);
    const capture: ParseResolveResult = async (parseOptions) => {
      let parsed: Awaited<ReturnType<ParseResolveResult>>;
      try {
        parsed = await parse(parseOptions);
      } catch (error) {
        if (isStackOverflow(error)) throw new Error(`$ref to "${parseOptions.targetAuthority.href()}": ${tooDeepMessage()}`);
        throw error;
      }
      if (nestsDeeperThan(parsed.result)) throw new Error(`$ref to "${parseOptions.targetAuthority.href()}": ${tooDeepMessage()}`);
      this.referenced.set(parseOptions.targetAuthority.href().replace(/\/$/, ''), parsed.result);
      return parsed;
    };
    return super.resolve(source, { ...options, parseResolveResult: capture });
  }
}
