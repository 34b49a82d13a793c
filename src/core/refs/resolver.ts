import { realpathSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { ownProtoKeys } from '../parse/document.js';
import { isInside } from '../paths.js';
import { describeReadError, oneLine } from '../errors.js';
import { checkYamlAliases, isStackOverflow, nestsDeeperThan, tooDeepMessage } from '../parse/inputLimits.js';
import { percentDecode } from '../../oas/refSyntax.js';
import { DEFAULT_REMOTE_LIMITS, fetchRemoteText, RemoteRefusedError } from './remoteFetch.js';
import type { RemoteLimits } from './remoteFetch.js';

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

/** The real path of a directory, or the path itself when it cannot be resolved (it then contains nothing). */
function realDirectory(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The name a file or URL the resolver reaches is known by: a URL as written, a file as the
 * absolute path read (percent-decoded, as `parseRef` decodes the `$ref`s that name it).
 */
export function targetName(href: string): string {
  const name = href.replace(/\/$/, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(name)) return name;
  const path = percentDecode(name);
  return typeof path === 'string' ? resolvePath(path) : name;
}

function fileReader(policy: ResolverPolicy) {
  const root = resolvePath(policy.projectRoot);
  const realRoot = realDirectory(root);
  return async (ref: RefUri): Promise<string> => {
    const decoded = percentDecode(ref.href());
    if (typeof decoded !== 'string') throw new Error(`$ref to "${ref.href()}": ${decoded.problem}`);
    const path = resolvePath(decoded);
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
  /** The parsed data of each file or URL read, by `targetName`. */
  readonly referenced = new Map<string, unknown>();
  /** The text of each, for the ranges of findings in it. */
  readonly referencedTexts = new Map<string, string>();
  /** Why a file or URL could not be read or was refused, by `targetName`: every `$ref` to it is reported with this. */
  readonly failures: Map<string, string>;

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
    const failures = new Map<string, string>();
    // The resolver keeps one error per message, at the first `$ref` that met it: remember each failure to report every `$ref`.
    const recording =
      (read: (ref: RefUri) => Promise<string>) =>
      async (ref: RefUri): Promise<string> => {
        try {
          return await read(ref);
        } catch (error) {
          failures.set(targetName(ref.href()), oneLine(error));
          throw error;
        }
      };
    const remote = { resolve: recording(remoteReader(policy)) };
    super({
      resolvers: { file: { resolve: recording(fileReader(policy)) }, http: remote, https: remote },
      dereferenceInline: inlineRefs,
    });
    this.failures = failures;
    this.#inlineRefs = inlineRefs;
    this.#referencesFiles = referencesFiles;
  }

  /** Forgets every file read so far, so the next run reads them again (they may have changed since). */
  forgetFiles(): void {
    this.uriCache.purge();
    this.referenced.clear();
    this.referencedTexts.clear();
    this.failures.clear();
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
      const name = targetName(parseOptions.targetAuthority.href());
      const text = String(parseOptions.result);
      let parsed: Awaited<ReturnType<ParseResolveResult>>;
      try {
        parsed = await parse(parseOptions);
        if (nestsDeeperThan(parsed.result)) throw new Error(`$ref to "${name}": ${tooDeepMessage()}`);
        if (text.includes('__proto__')) ownProtoKeys(parsed.result);
      } catch (error) {
        const failure = isStackOverflow(error) ? new Error(`$ref to "${name}": ${tooDeepMessage()}`) : error;
        this.failures.set(name, oneLine(failure));
        throw failure;
      }
      this.referenced.set(name, parsed.result);
      this.referencedTexts.set(name, text);
      return parsed;
    };
    return super.resolve(source, { ...options, parseResolveResult: capture });
  }
}
