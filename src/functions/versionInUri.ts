import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { HTTP_METHODS, isOas2, pathKeys } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { pathSegments } from '../oas/paths.js';
import { serverUrls, urlPath } from '../oas/servers.js';
import { defineMessages } from '../core/engine/messages.js';

export const VERSION_IN_URI_MESSAGES = defineMessages<{
  /** `base`: where the version could be instead: the 2.0 basePath, or the 3.x server URLs. */
  noVersion: { path: string; base: 'basePath' | 'servers' };
}>('versionInUri', {
  noVersion: ({ path, base }) =>
    `Path "${path}" does not start with a major version segment (e.g. /v1), and ${base === 'basePath' ? 'the basePath does not carry one' : 'not every server URL carries one'}.`,
});

export interface VersionInUriOptions {
  /** Regular expression a path segment must match to count as the version. */
  versionPattern: string;
}

/** Anything meant as a version counts here; whether it is well-formed (`v1`, not `v1.0`) is a rule of its own. */
const DEFAULT_VERSION_PATTERN = '^(?:v|version)\\d+(?:[._-]\\d+)*$';

function hasVersionSegment(path: string, pattern: RegExp): boolean {
  return path.split('/').some((segment) => pattern.test(segment));
}

/**
 * Reports paths that carry no version segment when the servers do not carry one either:
 * the version must appear in every top-level server URL (2.0: `basePath`) or at the start of every path.
 */
export default defineRulesetFunction<unknown, VersionInUriOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        versionPattern: {
          type: 'string',
          format: 'regex',
          default: DEFAULT_VERSION_PATTERN,
          description:
            'A path segment matching this regular expression, ignoring case, is the version segment (the default matches v1, and malformed v1.0 or version1).',
        },
      },
    },
  },
  function versionInUri(root, options, context) {
    if (!isObject(root) || !isObject(root['paths'])) return [];
    const pattern = new RegExp(options?.versionPattern ?? DEFAULT_VERSION_PATTERN, 'i');

    if (isOas2(root)) {
      if (typeof root['basePath'] === 'string' && hasVersionSegment(root['basePath'], pattern)) return [];
    } else {
      const servers = [...serverUrls(root)].filter((server) => server.topLevel);
      if (servers.length > 0 && servers.every((server) => hasVersionSegment(urlPath(server.url), pattern))) return [];
    }

    // A path item, or every operation of it, may declare servers of its own that carry the version.
    const versionedByOwnServers = new Set<string>();
    if (!isOas2(root)) {
      const own = new Map<string, Map<string, boolean>>();
      for (const server of serverUrls(root)) {
        if (server.topLevel) continue;
        const [, pathKey, where] = server.path.map(String);
        const scopes = own.get(pathKey!) ?? new Map<string, boolean>();
        scopes.set(where!, (scopes.get(where!) ?? true) && hasVersionSegment(urlPath(server.url), pattern));
        own.set(pathKey!, scopes);
      }
      for (const [pathKey, scopes] of own) {
        const item = root['paths'][pathKey];
        const methods = isObject(item) ? HTTP_METHODS.filter((method) => isObject(item[method])) : [];
        const covered = scopes.get('servers') === true || (methods.length > 0 && methods.every((method) => scopes.get(method) === true));
        if (covered) versionedByOwnServers.add(pathKey);
      }
    }

    const results: IFunctionResult[] = [];
    for (const pathKey of pathKeys(root['paths'])) {
      const first = pathSegments(pathKey)[0];
      if (first !== undefined && pattern.test(first.text)) continue;
      if (versionedByOwnServers.has(pathKey)) continue;
      results.push(
        VERSION_IN_URI_MESSAGES.report(context, [...context.path, 'paths', pathKey], 'noVersion', {
          path: pathKey,
          base: isOas2(root) ? 'basePath' : 'servers',
        }),
      );
    }
    return results;
  },
);
