import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import { oas2, oas3_1, oas3_2 } from '@stoplight/spectral-formats';
import type { JsonPath } from '@stoplight/types';
import { isObject, valueAt } from '../oas/json.js';
// Spectral's compiled OpenAPI schemas, imported from their module rather than through the package
// index, which would also load the AsyncAPI and Arazzo rulesets (about 90 ms at every start).
import * as validatorsModule from '@stoplight/spectral-rulesets/dist/oas/schemas/validators.js';
import { defineMessages } from '../core/engine/messages.js';

export const OPEN_API_SCHEMA_MESSAGES = defineMessages<{
  /** `problem`: what the schema check says, worded as Spectral's oas2-schema and oas3-schema rules word it. */
  invalid: { problem: string };
}>('openApiSchema', {
  invalid: ({ problem }) => problem,
});

/** One schema error: what is wrong, and where. */
interface SchemaProblem {
  problem: string;
  path: JsonPath;
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

type Validator = ((input: unknown) => boolean) & { errors?: SchemaError[] | null };
type SchemaName = 'oas2_0' | 'oas3_0' | 'oas3_1' | 'oas3_2';

/**
 * The module is CommonJS: Node's ESM loader, Spectral's bundler and the ahead-of-time build each
 * wrap it differently, so the validators are unwrapped from whatever arrives.
 */
function unwrapValidators(module: unknown): Record<SchemaName, Validator> {
  let value = module;
  for (let depth = 0; depth < 3 && !(isObject(value) && typeof value['oas3_0'] === 'function'); depth++) {
    value = isObject(value) ? value['default'] : undefined;
  }
  if (!isObject(value) || typeof value['oas3_0'] !== 'function')
    throw new Error("Spectral's OpenAPI schema validators could not be loaded");
  return value as Record<SchemaName, Validator>;
}

const validators = unwrapValidators(validatorsModule);

/** The JSON path an instance path (`/paths/~1pets/get`) names. */
function pathOf(instancePath: string): string[] {
  return instancePath === ''
    ? []
    : instancePath
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The allowed value closest to what was written, when one is close enough to suggest (as Spectral suggests it). */
function bestMatch(value: string, allowed: unknown[]): string | undefined {
  const candidates = allowed
    .filter((candidate): candidate is string => typeof candidate === 'string')
    .map((candidate) => ({ candidate, weight: editDistance(value, candidate) }))
    .sort((x, y) => x.weight - y.weight);
  const best = candidates[0];
  if (best === undefined) return undefined;
  return allowed.length === 1 || best.weight < best.candidate.length ? best.candidate : undefined;
}

function cleanMessage(property: string | undefined, message: string | undefined): string {
  if (typeof message !== 'string') return '';
  const cleaned = message.replace(/['"]/g, '"').replace(/NOT/g, 'not');
  return property === undefined ? cleaned : `"${property}" property ${cleaned}`;
}

/** The patterns of the OpenAPI schemas in words: a message says what to write, never a regular expression. */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  '^/': 'a path that starts with /',
  '^3\\.0\\.\\d(-.+)?$': 'a 3.0 version such as "3.0.3"',
  '^3\\.1\\.\\d+(-.+)?$': 'a 3.1 version such as "3.1.0"',
  '^3\\.2\\.\\d+(-.+)?$': 'a 3.2 version such as "3.2.0"',
  '^[Bb][Ee][Aa][Rr][Ee][Rr]$': '"bearer"',
  '^[^#]*$': 'a URL without a fragment (#)',
  '^[^{}/ :\\\\]+(?::\\d+)?$': 'a host name with an optional port, without scheme or path, such as "api.example.com:8443"',
  '^[^{}]+$': 'a value without { or }',
  "^[a-zA-Z0-9!#$%&'*+.^_`|~-]+$": "a header name (letters, digits and !#$%&'*+.^_`|~-)",
  '^[a-zA-Z0-9._-]+$': 'a name of letters, digits, dots, underscores and hyphens',
};

/** A `pattern` error: the value written and, in words, what to write instead. */
function patternProblem(input: unknown, error: SchemaError, path: JsonPath, property: string | undefined): string {
  const words = PATTERN_WORDS[String(error.params['pattern'])] ?? 'a value of the form the OpenAPI specification requires';
  const subject = property === undefined ? 'The value' : `"${property}" property`;
  return `${subject} is ${JSON.stringify(valueAt(input, path))}; write ${words}`;
}

/** One schema error as Spectral's oas2-schema and oas3-schema rules word it (a pattern aside: in words). */
function toProblem(input: unknown, error: SchemaError): SchemaProblem {
  const path: JsonPath = pathOf(error.instancePath);
  const property = path.length === 0 ? undefined : String(path[path.length - 1]);
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params['additionalProperty']);
    return { problem: `Property "${extra}" is not expected to be here`, path: [...path, extra] };
  }
  if (error.keyword === 'enum') {
    const allowed = Array.isArray(error.params['allowedValues']) ? (error.params['allowedValues'] as unknown[]) : [];
    // The value the schema judged, as written: Spectral looks it up through `$ref`s, and throws on one it cannot follow.
    const value = valueAt(input, path);
    const suggestion = typeof value === 'string' ? bestMatch(value, allowed) : undefined;
    const listed = allowed.map((allowedValue) => JSON.stringify(allowedValue)).join(', ');
    return {
      problem: `${cleanMessage(property, error.message)}: ${listed}${suggestion === undefined ? '' : `. Did you mean "${suggestion}"?`}`,
      path,
    };
  }
  if (error.keyword === 'errorMessage') return { problem: String(error.message), path };
  if (error.keyword === 'pattern') return { problem: patternProblem(input, error, path, property), path };
  return { problem: cleanMessage(property, error.message), path };
}

/**
 * Validates the document against the official OpenAPI schema of its version, as Spectral's
 * oas2-schema and oas3-schema rules do, with their messages.
 */
export default defineRulesetFunction<unknown, null>({ input: null, options: null }, function openApiSchema(input, _options, context) {
  const formats = context.document.formats;
  if (formats === null || formats === undefined) return undefined;
  const name: SchemaName = formats.has(oas2) ? 'oas2_0' : formats.has(oas3_2) ? 'oas3_2' : formats.has(oas3_1) ? 'oas3_1' : 'oas3_0';
  const validator = validators[name];
  validator(input);
  return (validator.errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const { problem, path } = toProblem(input, error);
      return OPEN_API_SCHEMA_MESSAGES.report(context, [...context.path, ...path], 'invalid', { problem });
    });
});
