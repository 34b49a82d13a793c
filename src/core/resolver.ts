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

/** A `$ref` resolver that reads local files inside the project and fetches remote ones only when allowed. */
export function createResolver(policy: ResolverPolicy): Resolver {
  const remote = { resolve: remoteReader(policy) };
  return new Resolver({
    resolvers: {
      file: { resolve: fileReader(policy) },
      http: remote,
      https: remote,
    },
  });
}
