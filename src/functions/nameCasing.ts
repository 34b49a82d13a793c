import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isObject } from '../oas/json.js';
import { parameterSites } from '../oas/parameters.js';
import { isOas2 } from '../oas/document.js';
import { refFollower } from '../oas/refs.js';
import { schemaVisits } from '../oas/schemaWalk.js';
import { splitWords, toCamelCase, toPascalCase } from '../oas/words.js';
import { defineMessages } from '../core/engine/messages.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose: everything ASCII
const NON_ASCII = /[^\u0000-\u007f]/;

export type PropertyCasing = 'camel' | 'pascal';

type Misnamed = {
  /** What is named: "Property", "Query parameter", ... */
  kind: string;
  name: string;
  /** The casing asked for: "lowerCamelCase". */
  casing: string;
};

export const NAME_CASING_MESSAGES = defineMessages<{ rename: Misnamed & { suggestion: string }; misnamed: Misnamed }>(
  'nameCasing',
  {
    rename: ({ kind, name, casing, suggestion }) => `${kind} "${name}" is not ${casing}: write "${suggestion}".`,
    misnamed: ({ kind, name, casing }) => `${kind} "${name}" is not ${casing}.`,
  },
  { rename: 'name', misnamed: 'name' },
);

export interface NameCasingOptions {
  casing: PropertyCasing;
  /** Which names: schema property names (default), or parameter names. */
  names?: 'properties' | 'parameters';
  /** With names "parameters": the locations judged (default: query). */
  in?: string[];
  /** Names that pass as they are (HAL's `_links`, `_embedded`). */
  allow?: string[];
  /** "all": every schema of the document; "bodies": schemas of request and response bodies. */
  scope?: 'all' | 'bodies';
  /** Leave names with non-ASCII letters to another rule. */
  skipNonAscii?: boolean;
}

const CASINGS: Record<PropertyCasing, { pattern: RegExp; label: string; write: (words: string[]) => string }> = {
  camel: {
    pattern: /^[a-z][a-zA-Z0-9]*$/,
    label: 'lowerCamelCase',
    write: toCamelCase,
  },
  pascal: {
    pattern: /^[A-Z][a-zA-Z0-9]*$/,
    label: 'PascalCase',
    write: toPascalCase,
  },
};

/**
 * Reports names not written in the casing the standard wants (schema property names, or parameter
 * names), at the name, suggesting the right spelling.
 */
export default defineRulesetFunction<unknown, NameCasingOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['casing'],
      properties: {
        casing: { enum: ['camel', 'pascal'], description: '"camel": lowerCamelCase; "pascal": PascalCase.' },
        names: {
          enum: ['properties', 'parameters'],
          default: 'properties',
          description: 'Which names are judged: "properties" (schema property names) or "parameters" (parameter names).',
        },
        in: {
          type: 'array',
          items: { enum: ['query', 'header', 'path', 'cookie', 'formData'] },
          default: ['query'],
          description: 'With names "parameters": the parameter locations judged.',
        },
        allow: {
          type: 'array',
          items: { type: 'string' },
          description: "Property names that pass as written, e.g. HAL's _links and _embedded.",
        },
        scope: {
          enum: ['all', 'bodies'],
          default: 'all',
          description: '"all": every schema; "bodies": schemas of request and response bodies, components they use included.',
        },
        skipNonAscii: {
          type: 'boolean',
          default: false,
          description: 'Leave names with non-ASCII characters alone (another rule reports them).',
        },
      },
    },
  },
  function nameCasing(root, options, context) {
    const refs = refFollower(context);
    const { pattern, label, write } = CASINGS[options.casing];
    const allow = new Set(options.allow ?? []);
    const results: IFunctionResult[] = [];
    const judge = (kind: string, name: string, path: JsonPath) => {
      if (allow.has(name) || pattern.test(name)) return;
      if (options.skipNonAscii === true && NON_ASCII.test(name)) return;
      const suggestion = write(splitWords(name));
      const at = [...context.path, ...path];
      results.push(
        suggestion !== '' && suggestion !== name && pattern.test(suggestion)
          ? NAME_CASING_MESSAGES.report(context, at, 'rename', { kind, name, casing: label, suggestion })
          : NAME_CASING_MESSAGES.report(context, at, 'misnamed', { kind, name, casing: label }),
      );
    };
    if (options.names === 'parameters') {
      const locations = new Set(options.in ?? ['query']);
      for (const { parameter, at, inline } of parameterSites(root, refs)) {
        if (typeof parameter['name'] === 'string' && locations.has(String(parameter['in']))) {
          judge(
            `${String(parameter['in']).charAt(0).toUpperCase()}${String(parameter['in']).slice(1)} parameter`,
            parameter['name'],
            inline ? [...at, 'name'] : at,
          );
        }
      }
      return results;
    }
    const scope = options.scope ?? 'all';
    for (const { schema, at, inline } of schemaVisits(root, scope, refs, scope !== 'all')) {
      const properties = schema['properties'];
      if (!isObject(properties)) continue;
      for (const name of Object.keys(properties)) judge('Property', name, inline ? [...at, 'properties', name] : at);
    }
    // 2.0 writes a form request body as formData parameters: its fields are properties of the body.
    if (isOas2(root)) {
      for (const { parameter, at, inline } of parameterSites(root, refs)) {
        if (parameter['in'] === 'formData' && typeof parameter['name'] === 'string')
          judge('Form field', parameter['name'], inline ? [...at, 'name'] : at);
      }
    }
    return results;
  },
);
