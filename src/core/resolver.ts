import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { Resolver } from '@stoplight/spectral-ref-resolver';

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
}

interface RefUri {
  href(): string;
}

export class RefRefusedError extends Error {}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function fileReader(policy: ResolverPolicy) {
  const root = resolvePath(policy.projectRoot);
  return async (ref: RefUri): Promise<string> => {
    const path = resolvePath(decodeURIComponent(ref.href()));
    if (!isInside(root, path)) {
      throw new RefRefusedError(`$ref to "${path}" refused: it leaves the project directory ${root}`);
    }
    const override = policy.readOverride?.(path);
    if (override !== undefined) return override;
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new Error(`$ref to "${path}": no such file`);
      if (code === 'EISDIR') throw new Error(`$ref to "${path}": is a directory, not a file`);
      throw new Error(`$ref to "${path}": ${(error as Error).message}`);
    }
  };
}

function remoteReader(policy: ResolverPolicy) {
  const timeout = policy.remoteTimeoutMs ?? 10_000;
  const maxBytes = policy.remoteMaxBytes ?? 20 * 1024 * 1024;
  return async (ref: RefUri): Promise<string> => {
    const url = ref.href();
    if (!policy.allowRemoteRefs) {
      throw new RefRefusedError(`remote $ref to "${url}" refused: pass --allow-remote-refs to fetch remote references`);
    }
    const response = await fetch(url, { signal: AbortSignal.timeout(timeout), redirect: 'follow' });
    if (!response.ok) throw new Error(`remote $ref to "${url}": HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) throw new Error(`remote $ref to "${url}": larger than ${maxBytes} bytes`);
    const text = await response.text();
    if (text.length > maxBytes) throw new Error(`remote $ref to "${url}": larger than ${maxBytes} bytes`);
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
  constructor(policy: ResolverPolicy, { inlineRefs = true, referencesFiles = () => true }: { inlineRefs?: boolean; referencesFiles?: (data: unknown) => boolean } = {}) {
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
      return Promise.resolve({ result: source, refMap: {}, graph: null, errors: [], runner: null } as unknown as Awaited<ReturnType<Resolver['resolve']>>);
    }
    const parse = options?.parseResolveResult;
    if (parse === undefined) return super.resolve(source, options);
    const capture: ParseResolveResult = async (parseOptions) => {
      const parsed = await parse(parseOptions);
      this.referenced.set(parseOptions.targetAuthority.href().replace(/\/$/, ''), parsed.result);
      return parsed;
    };
    return super.resolve(source, { ...options, parseResolveResult: capture });
  }
}
