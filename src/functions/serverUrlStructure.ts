import { defineRulesetFunction } from '../core/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isOas2 } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { VERSION_LIKE } from '../oas/paths.js';
import { schemeOf, serverUrls, urlPath } from '../oas/servers.js';

export interface ServerUrlStructureOptions {
  /** Domains the API host must be under. */
  domains: string[];
  /** Environment prefixes of the host (production has none). */
  environments?: string[];
  /** The label that marks the host as an API host (`api`). */
  apiLabel?: string;
}

interface Problem {
  message: string;
  /** Whether the host or the path part is at fault (2.0 writes them in `host` and `basePath`). */
  part: 'host' | 'path';
}

/** What is wrong with a URL against `https://[{env}.]api.<domain>/[<classification>/]<api-name>/v<major>`, or undefined. */
function problemWith(url: string, options: Required<ServerUrlStructureOptions>): Problem | undefined {
  const message = hostProblem(url, options);
  if (message !== undefined) return { message, part: 'host' };
  const pathMessage = pathProblem(url);
  return pathMessage === undefined ? undefined : { message: pathMessage, part: 'path' };
}

function hostProblem(url: string, options: Required<ServerUrlStructureOptions>): string | undefined {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  const domain = options.domains.find((d) => host === `${options.apiLabel}.${d}` || host.endsWith(`.${options.apiLabel}.${d}`));
  if (domain === undefined) {
    return `the host "${host}" is not ${options.apiLabel}.<domain> under ${options.domains.join(' or ')}`;
  }
  const prefix = host.slice(0, host.length - `${options.apiLabel}.${domain}`.length).replace(/\.$/, '');
  if (prefix !== '' && !options.environments.includes(prefix)) {
    return `"${prefix}" is not an environment (${options.environments.join(', ')}, or none for production)`;
  }
  return undefined;
}

function pathProblem(url: string): string | undefined {
  const segments = urlPath(url)
    .split('/')
    .filter((s) => s !== '');
  const last = segments[segments.length - 1];
  if (last === undefined || !VERSION_LIKE.test(last)) return 'the path does not end with the major version (/v1)';
  if (segments.length < 2) return 'the path has no API name before the version';
  if (segments.length > 3) return `the path has ${segments.length - 1} segments before the version; expected [<classification>/]<api-name>`;
  return undefined;
}

/** Reports absolute server URLs that do not follow the standard's URL structure, at the URL. */
export default defineRulesetFunction<unknown, ServerUrlStructureOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['domains'],
      properties: {
        domains: {
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
          description: 'Domains an API host must be under, e.g. ["inetpsa.com", "mpsa.com"].',
        },
        environments: {
          type: 'array',
          items: { type: 'string' },
          default: ['dev', 'preprod'],
          description: 'Host prefixes naming a non-production environment.',
        },
        apiLabel: { type: 'string', default: 'api', description: 'The host label that marks an API host.' },
      },
    },
  },
  function serverUrlStructure(root, options, context) {
    if (!isObject(root)) return [];
    const settings: Required<ServerUrlStructureOptions> = { environments: ['dev', 'preprod'], apiLabel: 'api', ...options };
    const expected = `https://[<env>.]${settings.apiLabel}.<domain>/[<classification>/]<api-name>/v<major>`;
    const urls: Array<{ url: string; path: JsonPath; pathPart: JsonPath }> = [];
    if (isOas2(root)) {
      const basePath = typeof root['basePath'] === 'string' ? root['basePath'] : undefined;
      if (typeof root['host'] === 'string')
        urls.push({
          url: `https://${root['host']}${basePath ?? ''}`,
          path: ['host'],
          pathPart: basePath !== undefined ? ['basePath'] : ['host'],
        });
    } else {
      for (const server of serverUrls(root))
        if (schemeOf(server.url) !== undefined) urls.push({ url: server.url, path: server.path, pathPart: server.path });
    }
    const results: IFunctionResult[] = [];
    for (const { url, path, pathPart } of urls) {
      const problem = problemWith(url, settings);
      if (problem !== undefined)
        results.push({
          message: `Server URL "${url}" does not follow ${expected}: ${problem.message}.`,
          path: [...context.path, ...(problem.part === 'path' ? pathPart : path)],
        });
    }
    return results;
  },
);
