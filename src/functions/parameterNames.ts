import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { parameterSites } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { containsPhrase, normalisedName, splitWords } from '../oas/words.js';

export interface ParameterNamesOptions {
  /** Parameter locations the rule applies to (default: query). */
  in?: string[];
  /** Names that may not be used. */
  forbidden: string[];
  /** "name": the whole name, compared without case or separators; "words": a name containing the words of a forbidden entry. */
  match?: 'name' | 'words';
  /** What to use instead, for the message. */
  use: string;
}

/** Reports parameters named as the standard forbids (`sortBy` where it wants `sort`; a `password` in the query string), at the parameter's name. */
export default createRulesetFunction<unknown, ParameterNamesOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['forbidden', 'use'],
      properties: {
        in: { type: 'array', items: { enum: ['query', 'header', 'path', 'cookie', 'formData', 'body'] }, description: 'Parameter locations the rule applies to (default: query).' },
        forbidden: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Names that may not be used.' },
        match: {
          enum: ['name', 'words'],
          description: '"name" (default): the whole name, ignoring case and separators (sort_by = sortBy); "words": any name containing the words of an entry (access_token contains "token").',
        },
        use: { type: 'string', description: 'What to use instead, shown in the message, e.g. "sort and desc" or "a header".' },
      },
    },
  },
  function parameterNames(root, options, context) {
    const refs = refFollower(context);
    const locations = new Set(options.in ?? ['query']);
    const byName = new Map(options.forbidden.map((name) => [normalisedName(name), name]));
    const phrases = options.forbidden.map((name) => ({ name, words: splitWords(name) }));
    const results: IFunctionResult[] = [];
    for (const { parameter, at, inline } of parameterSites(root, refs)) {
      const name = parameter['name'];
      if (typeof name !== 'string' || !locations.has(String(parameter['in']))) continue;
      const words = splitWords(name);
      const hit = options.match === 'words' ? phrases.find((phrase) => containsPhrase(words, phrase.words))?.name : byName.get(normalisedName(name));
      if (hit === undefined) continue;
      results.push({
        message: `${String(parameter['in'])} parameter "${name}"${normalisedName(hit) === normalisedName(name) ? '' : ` (${hit})`} is not allowed: use ${options.use}.`,
        path: [...context.path, ...(inline ? [...at, 'name'] : at)],
      });
    }
    return results;
  },
);
