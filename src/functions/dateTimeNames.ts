import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isOas2, refSiblingsApply } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { parameterSchema, parameterSites } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { schemaVisits } from '../oas/schemaWalk.js';
import { everyBranch } from '../oas/effectiveSchema.js';
import { schemaKeyword } from '../oas/schemas.js';
import { splitWords, toPascalCase } from '../oas/words.js';
import { defineMessages } from '../core/engine/messages.js';

type Misnamed = {
  /** What is named: "Property" or "Parameter". */
  kind: string;
  name: string;
  /** The suffix date-time names end with (`Time`). */
  suffix: string;
};

export const DATE_TIME_NAMES_MESSAGES = defineMessages<{ rename: Misnamed & { suggestion: string }; noSuffix: Misnamed }>(
  'dateTimeNames',
  {
    rename: ({ kind, name, suffix, suggestion }) =>
      `${kind} "${name}" is a date-time: name it with the suffix ${suffix} ("${suggestion}").`,
    noSuffix: ({ kind, name, suffix }) =>
      `${kind} "${name}" is a date-time: name it with the suffix ${suffix} (say what the time is of, e.g. CreatedTime).`,
  },
  { rename: 'name', noSuffix: 'name' },
);

export interface DateTimeNamesOptions {
  /** The suffix date-time names end with (`Time`). */
  suffix: string;
  /** Schema formats that mark a date-time (default: date-time). */
  formats?: string[];
}

/** The name with its date-ish last word replaced by the suffix (CreatedDate → CreatedTime, createdAt → createdTime), or undefined when nothing is left to name. */
function suggestion(name: string, suffix: string): string | undefined {
  const words = splitWords(name);
  const last = words[words.length - 1];
  const stem =
    last !== undefined && ['date', 'at', 'on', 'datetime', 'timestamp', 'ts', 'dt', 'time'].includes(last) ? words.slice(0, -1) : words;
  if (stem.length === 0) return undefined;
  const pascal = /^[A-Z]/.test(name);
  const joined = toPascalCase([...stem, suffix.toLowerCase()]);
  return pascal ? joined : joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** Reports date-time properties and parameters whose name does not end with the standard's suffix (`CreatedTime`, not `CreatedDate` or `CreatedAt`). */
export default defineRulesetFunction<unknown, DateTimeNamesOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['suffix'],
      properties: {
        suffix: { type: 'string', minLength: 1, description: 'The suffix date-time names must end with, e.g. "Time".' },
        formats: { type: 'array', items: { type: 'string' }, default: ['date-time'], description: 'Schema formats that mark a date-time.' },
      },
    },
  },
  function dateTimeNames(root, options, context) {
    const refs = refFollower(context);
    const formats = new Set(options.formats ?? ['date-time']);
    const oas2 = isOas2(root);
    const results: IFunctionResult[] = [];
    const siblingsOfRef = refSiblingsApply(root);
    const isDateTime = (schema: unknown) => {
      // However the schema is written: `{nullable: true, oneOf: [Timestamp]}` is a date-time too.
      return everyBranch(schema, refs, (branch) => {
        const format = schemaKeyword(branch, 'format', refs, siblingsOfRef);
        return typeof format === 'string' && formats.has(format);
      });
    };
    const suffixWord = options.suffix.toLowerCase();
    const judge = (kind: string, name: string, path: JsonPath) => {
      // The suffix as a word, whatever the casing (created_time): casing is the casing rules' concern.
      const words = splitWords(name);
      if (name.endsWith(options.suffix) || words[words.length - 1] === suffixWord) return;
      const better = suggestion(name, options.suffix);
      const at = [...context.path, ...path];
      results.push(
        better !== undefined
          ? DATE_TIME_NAMES_MESSAGES.report(context, at, 'rename', { kind, name, suffix: options.suffix, suggestion: better })
          : DATE_TIME_NAMES_MESSAGES.report(context, at, 'noSuffix', { kind, name, suffix: options.suffix }),
      );
    };
    for (const { schema, at, inline } of schemaVisits(root, 'all', refs, false)) {
      if (!isObject(schema['properties'])) continue;
      for (const [name, property] of Object.entries(schema['properties'])) {
        if (isDateTime(property)) judge('Property', name, inline ? [...at, 'properties', name] : at);
      }
    }
    for (const { parameter, at, inline } of parameterSites(root, refs)) {
      if (typeof parameter['name'] === 'string' && parameter['in'] !== 'body' && isDateTime(parameterSchema(parameter, oas2))) {
        judge('Parameter', parameter['name'], inline ? [...at, 'name'] : at);
      }
    }
    return results;
  },
);
