import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import { schemaRoots, walkSchemas } from '../oas/schemaWalk.js';
import { splitWords, toCamelCase, toPascalCase } from '../oas/words.js';

export type PropertyCasing = 'camel' | 'pascal';

export interface PropertyCasingOptions {
  casing: PropertyCasing;
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

/** Reports schema property names not written in the casing the standard wants, at the property's key, suggesting the right spelling. */
export default createRulesetFunction<unknown, PropertyCasingOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['casing'],
      properties: {
        casing: { enum: ['camel', 'pascal'], description: '"camel": lowerCamelCase; "pascal": PascalCase.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Property names that pass as written, e.g. HAL\'s _links and _embedded.' },
        scope: { enum: ['all', 'bodies'], description: '"all": every schema (default); "bodies": schemas of request and response bodies, components they use included.' },
        skipNonAscii: { type: 'boolean', description: 'Leave names with non-ASCII characters alone (another rule reports them).' },
      },
    },
  },
  function propertyCasing(root, options, context) {
    const refs = refFollower(context);
    const { pattern, label, write } = CASINGS[options.casing];
    const allow = new Set(options.allow ?? []);
    const scope = options.scope ?? 'all';
    const results: IFunctionResult[] = [];
    walkSchemas(schemaRoots(root, scope, refs), refs, scope !== 'all', ({ schema, at, inline }) => {
      const properties = schema['properties'];
      if (!isObject(properties)) return;
      for (const name of Object.keys(properties)) {
        if (allow.has(name) || pattern.test(name)) continue;
        if (options.skipNonAscii === true && /[^\u0000-\u007f]/.test(name)) continue;
        const suggestion = write(splitWords(name));
        results.push({
          message: `Property "${name}" is not ${label}${suggestion !== '' && suggestion !== name && pattern.test(suggestion) ? `: write "${suggestion}"` : ''}.`,
          path: [...context.path, ...(inline ? [...at, 'properties', name] : at)],
        });
      }
    });
    return results;
  },
);
