import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { pathKeys } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { parameterSites } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { schemaVisits } from '../oas/schemaWalk.js';
import { defineMessages } from '../core/engine/messages.js';

export const ASCII_NAMES_MESSAGES = defineMessages<{
  nonAscii: {
    /** What is named: "Path", "Parameter" or "Property". */
    kind: string;
    name: string;
    /** The characters outside ASCII, each once, in order of appearance. */
    characters: string;
  };
}>(
  'asciiNames',
  {
    nonAscii: ({ kind, name, characters }) =>
      `${kind} "${name}" has characters outside ASCII (${characters}): use clear English words in plain ASCII.`,
  },
  { nonAscii: 'name' },
);

export interface AsciiNamesOptions {
  /** Which names are judged (default: all three). */
  targets?: Array<'paths' | 'parameters' | 'properties'>;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose: everything ASCII
const NON_ASCII = /[^\u0000-\u007f]/u;

function offending(name: string): string {
  return [...new Set([...name].filter((char) => NON_ASCII.test(char)))].join('');
}

/** Reports path segments, parameter names and property names with characters outside ASCII, at the name. */
export default defineRulesetFunction<unknown, AsciiNamesOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        targets: {
          type: 'array',
          items: { enum: ['paths', 'parameters', 'properties'] },
          default: ['paths', 'parameters', 'properties'],
          description: 'Which names are judged: path segments, parameter names, schema property names.',
        },
      },
    },
  },
  function asciiNames(root, options, context) {
    if (!isObject(root)) return [];
    const targets = new Set(options?.targets ?? ['paths', 'parameters', 'properties']);
    const refs = refFollower(context);
    const results: IFunctionResult[] = [];
    const report = (kind: string, name: string, path: JsonPath) =>
      results.push(
        ASCII_NAMES_MESSAGES.report(context, [...context.path, ...path], 'nonAscii', { kind, name, characters: offending(name) }),
      );
    if (targets.has('paths')) {
      for (const key of pathKeys(root['paths'])) if (NON_ASCII.test(key)) report('Path', key, ['paths', key]);
    }
    if (targets.has('parameters')) {
      for (const { parameter, at, inline } of parameterSites(root, refs)) {
        const name = parameter['name'];
        if (typeof name === 'string' && NON_ASCII.test(name)) report('Parameter', name, inline ? [...at, 'name'] : at);
      }
    }
    if (targets.has('properties')) {
      for (const { schema, at, inline } of schemaVisits(root, 'all', refs, false)) {
        if (!isObject(schema['properties'])) continue;
        for (const name of Object.keys(schema['properties']))
          if (NON_ASCII.test(name)) report('Property', name, inline ? [...at, 'properties', name] : at);
      }
    }
    return results;
  },
);
