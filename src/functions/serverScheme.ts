import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { HTTP_METHODS, isOas2, pathEntries } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { schemeOf, serverUrls } from '../oas/servers.js';
import { defineMessages } from '../core/engine/messages.js';

export const SERVER_SCHEME_MESSAGES = defineMessages<{
  scheme: { scheme: string; allowed: readonly string[] };
  serverUrl: { url: string; scheme: string; allowed: readonly string[] };
}>('serverScheme', {
  scheme: ({ scheme, allowed }) => `Scheme "${scheme}" is not allowed: serve the API over ${allowed.join(' or ')} only.`,
  serverUrl: ({ url, scheme, allowed }) => `Server URL "${url}" uses ${scheme}: serve the API over ${allowed.join(' or ')} only.`,
});

export interface ServerSchemeOptions {
  schemes: string[];
}

/** Reports absolute server URLs (3.x `servers`, 2.0 `schemes`) whose scheme is not an allowed one. */
export default defineRulesetFunction<unknown, ServerSchemeOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        schemes: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*$' },
          default: ['https'],
          description: 'Lower-case URL schemes servers may use.',
        },
      },
    },
  },
  function serverScheme(root, options, context) {
    if (!isObject(root)) return [];
    const allowed = new Set(options?.schemes ?? ['https']);
    const wanted = [...allowed];
    const results: IFunctionResult[] = [];

    if (isOas2(root)) {
      const lists: Array<{ list: unknown; path: Array<string | number> }> = [{ list: root['schemes'], path: ['schemes'] }];
      if (isObject(root['paths'])) {
        for (const [pathKey, item] of pathEntries(root['paths'])) {
          if (!isObject(item)) continue;
          for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (isObject(operation)) lists.push({ list: operation['schemes'], path: ['paths', pathKey, method, 'schemes'] });
          }
        }
      }
      for (const { list, path } of lists) {
        if (!Array.isArray(list)) continue;
        for (const [i, scheme] of list.entries()) {
          if (typeof scheme === 'string' && !allowed.has(scheme.toLowerCase())) {
            results.push(SERVER_SCHEME_MESSAGES.report(context, [...context.path, ...path, i], 'scheme', { scheme, allowed: wanted }));
          }
        }
      }
      return results;
    }

    for (const server of serverUrls(root)) {
      const scheme = schemeOf(server.url);
      if (scheme !== undefined && !allowed.has(scheme)) {
        results.push(
          SERVER_SCHEME_MESSAGES.report(context, [...context.path, ...server.path], 'serverUrl', {
            url: server.url,
            scheme,
            allowed: wanted,
          }),
        );
      }
    }
    return results;
  },
);
