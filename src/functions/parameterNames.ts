import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2, operations, parameterNodes } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { parameterSchema, parameterSites } from '../oas/parameters.js';
import { effectiveSchema } from '../oas/effectiveSchema.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { containsPhrase, normalisedName, splitWords } from '../oas/words.js';
import { defineMessages } from '../core/engine/messages.js';
import { HTTP_METHOD } from '../oas/optionSchemas.js';

export const PARAMETER_NAMES_MESSAGES = defineMessages<{
  forbiddenName: {
    /** The parameter's location (`query`). */
    location: string;
    name: string;
    /** The forbidden entry it matched, named in the message when it is not the name itself (`token` in `access_token`). */
    matched: string;
    /** What to use instead, as the rule says it. */
    use: string;
  };
  /** `keyName`: the name the key is sent under; '' when the scheme gives none. */
  apiKeyScheme: { scheme: string; location: string; keyName: string; use: string };
}>('parameterNames', {
  forbiddenName: ({ location, name, matched, use }) =>
    `${location} parameter "${name}"${normalisedName(matched) === normalisedName(name) ? '' : ` (${matched})`} is not allowed: use ${use}.`,
  apiKeyScheme: ({ scheme, location, keyName, use }) =>
    `Security scheme "${scheme}" sends its API key in the ${location}${keyName !== '' ? ` as "${keyName}"` : ''}: use ${use}.`,
});

export interface ParameterNamesOptions {
  /** Parameter locations the rule applies to (default: query). */
  in?: string[];
  /** Names that may not be used. */
  forbidden: string[];
  /** "name": the whole name, compared without case or separators; "words": a name containing the words of a forbidden entry. */
  match?: 'name' | 'words';
  /** What to use instead, for the message. */
  use: string;
  /** Names forbidden only as the whole name (`token`, `key`): as a word inside a longer name (`nextToken`, a page cursor) they are harmless. */
  wholeNames?: string[];
  /** Only parameters of operations with these methods (default: every parameter). */
  methods?: string[];
  /** Parameters of these types pass: a boolean flag about a password carries no password. */
  ignoreTypes?: string[];
  /** Also report `apiKey` security schemes sent in one of the locations (their key is a credential, whatever its name). */
  apiKeySchemes?: boolean;
}

/** The parameter objects (resolved) that operations with these methods take. */
function parametersOfMethods(root: unknown, methods: readonly string[], refs: RefFollower): Set<unknown> {
  const used = new Set<unknown>();
  for (const entry of operations(root)) {
    if (!methods.includes(entry.method)) continue;
    for (const { node } of parameterNodes(entry)) used.add(refs.value(node));
  }
  return used;
}

/** Reports parameters named as the standard forbids (`sortBy` where it wants `sort`; a `password` in the query string), at the parameter's name. */
export default defineRulesetFunction<unknown, ParameterNamesOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['forbidden', 'use'],
      properties: {
        in: {
          type: 'array',
          items: { enum: ['query', 'header', 'path', 'cookie', 'formData', 'body'] },
          default: ['query'],
          description: 'Parameter locations the rule applies to.',
        },
        forbidden: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Names that may not be used.' },
        match: {
          enum: ['name', 'words'],
          default: 'name',
          description:
            '"name": the whole name, ignoring case and separators (sort_by = sortBy); "words": any name containing the words of an entry (access_token contains "token").',
        },
        use: { type: 'string', description: 'What to use instead, shown in the message, e.g. "sort and desc" or "a header".' },
        wholeNames: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Names forbidden only as the whole name, ignoring case and separators (e.g. token, key): inside a longer name (nextToken) they pass.',
        },
        methods: {
          type: 'array',
          items: HTTP_METHOD,
          description: 'Only parameters of operations with these lower-case methods (default: all parameters).',
        },
        ignoreTypes: {
          type: 'array',
          items: { type: 'string' },
          description: 'Parameters whose schema has one of these types pass, e.g. ["boolean"] (a flag carries no secret).',
        },
        apiKeySchemes: {
          type: 'boolean',
          default: false,
          description: 'Also report apiKey security schemes sent in one of the locations, whatever the key is called.',
        },
      },
    },
  },
  function parameterNames(root, options, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const locations = new Set(options.in ?? ['query']);
    const byName = new Map(options.forbidden.map((name) => [normalisedName(name), name]));
    const phrases = options.forbidden.map((name) => ({ name, words: splitWords(name) }));
    const wholeNames = new Map((options.wholeNames ?? []).map((name) => [normalisedName(name), name]));
    const used = options.methods === undefined ? undefined : parametersOfMethods(root, options.methods, refs);
    const results: IFunctionResult[] = [];
    for (const { parameter, at, inline } of parameterSites(root, refs)) {
      const name = parameter['name'];
      if (typeof name !== 'string' || !locations.has(String(parameter['in']))) continue;
      if (used !== undefined && !used.has(parameter)) continue;
      if (options.ignoreTypes !== undefined) {
        const { types } = effectiveSchema(parameterSchema(parameter, oas2), refs);
        if ([...types].some((type) => options.ignoreTypes!.includes(type))) continue;
      }
      const words = splitWords(name);
      const hit =
        wholeNames.get(normalisedName(name)) ??
        (options.match === 'words'
          ? phrases.find((phrase) => containsPhrase(words, phrase.words))?.name
          : byName.get(normalisedName(name)));
      if (hit === undefined) continue;
      results.push(
        PARAMETER_NAMES_MESSAGES.report(context, [...context.path, ...(inline ? [...at, 'name'] : at)], 'forbiddenName', {
          location: String(parameter['in']),
          name,
          matched: hit,
          use: options.use,
        }),
      );
    }
    if (options.apiKeySchemes === true) {
      const schemes = oas2 ? root_(root)['securityDefinitions'] : root_(root_(root)['components'])['securitySchemes'];
      const base = oas2 ? ['securityDefinitions'] : ['components', 'securitySchemes'];
      for (const [name, scheme] of Object.entries(root_(schemes))) {
        if (isObject(scheme) && scheme['type'] === 'apiKey' && locations.has(String(scheme['in']))) {
          results.push(
            PARAMETER_NAMES_MESSAGES.report(context, [...base, name, 'in'], 'apiKeyScheme', {
              scheme: name,
              location: String(scheme['in']),
              keyName: typeof scheme['name'] === 'string' ? scheme['name'] : '',
              use: options.use,
            }),
          );
        }
      }
    }
    return results;
  },
);

function root_(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}
