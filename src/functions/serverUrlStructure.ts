import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isOas2 } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { VERSION_LIKE } from '../oas/paths.js';
import { schemeOf, serverUrls, urlPath } from '../oas/servers.js';
import { defineMessages } from '../core/engine/messages.js';
import type { ParamsOf } from '../core/engine/messages.js';

export interface ServerUrlStructureOptions {
  /** Domains the API host must be under. */
  domains: string[];
  /** Environment prefixes of the host (production has none). */
  environments?: string[];
  /** The label that marks the host as an API host (`api`). */
  apiLabel?: string;
}

/** A server URL, and the host label that marks an API host (`api`). */
type Url = { url: string; apiLabel: string };

function faultIn({ url, apiLabel }: Url, problem: string): string {
  return `Server URL "${url}" does not follow https://[<env>.]${apiLabel}.<domain>/[<classification>/]<api-name>/v<major>: ${problem}.`;
}

export const SERVER_URL_STRUCTURE_MESSAGES = defineMessages<{
  foreignHost: Url & { host: string; domains: readonly string[] };
  /** `environment`: the host's prefix before the API label. */
  unknownEnvironment: Url & { environment: string; environments: readonly string[] };
  noVersion: Url;
  noApiName: Url;
  /** `segments`: how many path segments come before the version. */
  tooManySegments: Url & { segments: number };
}>('serverUrlStructure', {
  foreignHost: (params) =>
    faultIn(params, `the host "${params.host}" is not ${params.apiLabel}.<domain> under ${params.domains.join(' or ')}`),
  unknownEnvironment: (params) =>
    faultIn(params, `"${params.environment}" is not an environment (${params.environments.join(', ')}, or none for production)`),
  noVersion: (params) => faultIn(params, 'the path does not end with the major version (/v1)'),
  noApiName: (params) => faultIn(params, 'the path has no API name before the version'),
  tooManySegments: (params) =>
    faultIn(params, `the path has ${params.segments} segments before the version; expected [<classification>/]<api-name>`),
});

type Shapes = ParamsOf<typeof SERVER_URL_STRUCTURE_MESSAGES>;
/** A message to report, and whether the host or the path part is at fault (2.0 writes them in `host` and `basePath`). */
type Problem = { [Id in keyof Shapes]: { id: Id; params: Shapes[Id]; part: 'host' | 'path' } }[keyof Shapes];

/** What is wrong with a URL against `https://[{env}.]api.<domain>/[<classification>/]<api-name>/v<major>`, or undefined. */
function problemWith(url: string, options: Required<ServerUrlStructureOptions>): Problem | undefined {
  return hostProblem({ url, apiLabel: options.apiLabel }, options) ?? pathProblem({ url, apiLabel: options.apiLabel });
}

function hostProblem(at: Url, options: Required<ServerUrlStructureOptions>): Problem | undefined {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(at.url)?.[1]?.toLowerCase() ?? '';
  const domain = options.domains.find((d) => host === `${options.apiLabel}.${d}` || host.endsWith(`.${options.apiLabel}.${d}`));
  if (domain === undefined) {
    return { id: 'foreignHost', params: { ...at, host, domains: options.domains }, part: 'host' };
  }
  const prefix = host.slice(0, host.length - `${options.apiLabel}.${domain}`.length).replace(/\.$/, '');
  if (prefix !== '' && !options.environments.includes(prefix)) {
    return { id: 'unknownEnvironment', params: { ...at, environment: prefix, environments: options.environments }, part: 'host' };
  }
  return undefined;
}

function pathProblem(at: Url): Problem | undefined {
  const segments = urlPath(at.url)
    .split('/')
    .filter((s) => s !== '');
  const last = segments[segments.length - 1];
  if (last === undefined || !VERSION_LIKE.test(last)) return { id: 'noVersion', params: at, part: 'path' };
  if (segments.length < 2) return { id: 'noApiName', params: at, part: 'path' };
  if (segments.length > 3) return { id: 'tooManySegments', params: { ...at, segments: segments.length - 1 }, part: 'path' };
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
        results.push(
          SERVER_URL_STRUCTURE_MESSAGES.report(
            context,
            [...context.path, ...(problem.part === 'path' ? pathPart : path)],
            problem.id,
            problem.params,
          ),
        );
    }
    return results;
  },
);
