import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { operationLabel, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { serverUrls, urlPath } from '../oas/servers.js';
import { defineMessages } from '../core/engine/messages.js';
import { EXTENSION_NAME } from '../oas/optionSchemas.js';

type Operation = { method: string; path: string };
/** What the published table gives an operation: its settings (`rate`, `burst`, `delay`) beside their values. */
type TableRow = Operation & { extension: string; settings: readonly string[]; values: readonly string[] };

function tableText({ settings, values }: TableRow): string {
  return settings.map((setting, i) => `${setting} ${values[i] ?? ''}`).join(', ');
}

function operationText({ method, path }: Operation): string {
  return `${operationLabel(method, path)}`;
}

export const RATE_LIMIT_POLICY_MESSAGES = defineMessages<{
  missingPolicy: Operation & { extension: string };
  missingTablePolicy: TableRow;
  notAPolicy: TableRow;
  /** `declared`: the values the policy declares for the settings that differ, as JSON (`''` when absent). */
  differsFromTable: TableRow & { declared: readonly string[] };
  /** `problems`: what the schema check found, one description each. */
  malformedPolicy: Operation & { problems: readonly string[] };
}>('rateLimitPolicy', {
  missingPolicy: (params) => `${operationText(params)} declares no rate-limit policy (${params.extension}).`,
  missingTablePolicy: (params) =>
    `${operationText(params)} is limited to ${tableText(params)} by the published table, but declares no ${params.extension} policy.`,
  notAPolicy: (params) =>
    `${operationText(params)}: ${params.extension} is not a policy object; the published table gives ${tableText(params)}.`,
  differsFromTable: (params) =>
    `${operationText(params)}: the ${params.extension} policy differs from the published table: ${params.settings
      .map(
        (setting, i) =>
          `${setting} ${params.declared[i] ? `is ${params.declared[i]}` : 'is missing'}, write ${setting}: ${params.values[i] ?? ''}`,
      )
      .join(', ')}.`,
  malformedPolicy: (params) => `${operationText(params)}: the rate-limit policy is malformed: ${params.problems.join('; ')}.`,
});

/** A row of a published rate-limit table: the policy an endpoint must declare. */
export interface RateLimitRow {
  path: string;
  method: string;
  /** The rate the policy must give; a row without one is not checked (no restriction applies). */
  rate?: string;
  burst?: number;
  delay?: boolean;
}

export interface RateLimitPolicyOptions {
  /** The extension that carries an operation's policy (default: x-rate-limit). */
  extension?: string;
  /**
   * "presence": operations declare a policy; "shape": a declared policy matches `schema`;
   * "table": operations of the `table` declare the row's rate, burst and delay.
   */
  check: 'presence' | 'shape' | 'table';
  /** With "shape": a JSON Schema (draft 7) the policy must match. */
  schema?: Record<string, unknown>;
  /** With "presence": only operations whose path matches this regular expression (default: all). */
  pathPattern?: string;
  /** With "table": the published table, as data a team can replace in its config. */
  table?: RateLimitRow[];
}

// ajv is CommonJS and exports its class also as `default`, which both Node's loader and bundlers reach.
const Ajv = AjvModule.default;
// The schema is not checked against JSON Schema's meta-schema: compiling that took 50 ms of every
// run. The built-in rulesets' schemas are checked by a test; a user's that ajv cannot compile still
// fails, and the rule guard reports it with the rule's name.
// `verbose` gives each error the value and the schema it is about, from which the message says what to write.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, verbose: true });
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** Words YAML 1.1 and people use for booleans, which YAML 1.2 reads as strings. */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  on: true,
  true: true,
  no: false,
  n: false,
  off: false,
  false: false,
};

/** The value to write instead of `value` for a schema `type`, when there is an obvious one (`no` → `false`, `"10"` → `10`). */
function valueToWrite(value: unknown, type: unknown): string | undefined {
  if (type === 'boolean' && typeof value === 'string') {
    const word = BOOLEAN_WORDS[value.trim().toLowerCase()];
    return word === undefined ? 'true or false' : String(word);
  }
  if (type === 'boolean') return 'true or false';
  if ((type === 'integer' || type === 'number') && typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return value.trim();
  return undefined;
}

/** What a schema's annotations say a value looks like: its `examples`, else its `description`; never its pattern. */
function expectedShape(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return `written like ${examples.map((e) => JSON.stringify(e)).join(' or ')}`;
  return typeof schema['description'] === 'string' ? schema['description'] : undefined;
}

/**
 * One schema error in words a user can act on: what is missing, or the value written and what to
 * write instead. No regular expression and no `null` for an absent key.
 */
function describe(error: ErrorObject, extension: string): string {
  const where = `${extension}${error.instancePath.replace(/\//g, '.')}`;
  const written = JSON.stringify(error.data);
  switch (error.keyword) {
    case 'required':
      return `${where}.${String(error.params['missingProperty'])} is missing`;
    case 'additionalProperties':
      return `${where} has an unknown property ${String(error.params['additionalProperty'])}`;
    case 'enum':
      return `${where} is ${written}; write one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'type': {
      const instead = valueToWrite(error.data, error.params['type']);
      const type = String(error.params['type']);
      return `${where} is ${written}, not ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}${instead === undefined ? '' : `; write ${instead}`}`;
    }
    case 'pattern':
    case 'format': {
      const shape = expectedShape(error.parentSchema);
      return `${where} is ${written}, which is not ${shape === undefined ? 'in the expected form' : shape}`;
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `${where} is ${written}; it ${error.message ?? 'is out of bounds'}`;
    default:
      return `${where} is ${written}, which is not valid${expectedShape(error.parentSchema) === undefined ? '' : `: ${expectedShape(error.parentSchema)}`}`;
  }
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** A path as a table key: no trailing slash, and parameter names left out (`/statique/{id}` = `/statique/{id_pdc_itinerance}`). */
function pathKeyOf(path: string): string {
  return trimSlash(path).replace(/\{[^}]*\}/g, '{}');
}

function tableIndex(table: RateLimitRow[]): Map<string, RateLimitRow> {
  return new Map(table.map((row) => [`${row.method.toLowerCase()} ${pathKeyOf(row.path)}`, row]));
}

/** The path parts of the server URLs (3.x) or the basePath (2.0): a table may leave them out. */
function basePaths(root: unknown): string[] {
  if (!isObject(root)) return [];
  if (typeof root['basePath'] === 'string') return [trimSlash(root['basePath'])];
  return [...serverUrls(root)]
    .filter((s) => s.topLevel)
    .map((s) => trimSlash(urlPath(s.url)))
    .filter((p) => p !== '' && p !== '/');
}

/** A document path as the table may write it: as is, without a server base path, or with it. */
function candidates(pathKey: string, bases: readonly string[]): string[] {
  const path = pathKeyOf(pathKey);
  return [
    path,
    ...bases.filter((base) => path.startsWith(`${base}/`)).map((base) => path.slice(base.length)),
    ...bases.map((base) => `${base}${path}`),
  ];
}

/** `10 r/m`, `10r/m` and `10 r/m ` are one rate. */
function normaliseRate(rate: unknown): string | undefined {
  return typeof rate === 'string' ? rate.replace(/\s+/g, '').toLowerCase() : undefined;
}

/**
 * Reports operations without a rate-limit policy extension ("presence"), or whose policy does not
 * match the standard's shape ("shape", a JSON Schema given as data so each standard brings its own).
 */
export default defineRulesetFunction<unknown, RateLimitPolicyOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['check'],
      properties: {
        extension: {
          ...EXTENSION_NAME,
          default: 'x-rate-limit',
          description: "The extension that carries an operation's policy.",
        },
        check: {
          enum: ['presence', 'shape', 'table'],
          description:
            '"presence": operations declare a policy; "shape": a declared policy matches the schema; "table": operations of the table declare its values.',
        },
        schema: { type: 'object', description: 'With "shape": the JSON Schema (draft 7) a policy must match.' },
        pathPattern: {
          type: 'string',
          format: 'regex',
          description: 'With "presence": only operations whose path matches this regular expression, e.g. /bulk/?$.',
        },
        table: {
          type: 'array',
          description: 'With "table": rows {path, method, rate?, burst?, delay?}; a row without a rate is not checked.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'method'],
            properties: {
              path: { type: 'string' },
              method: { type: 'string' },
              rate: { type: 'string' },
              burst: { type: 'integer', minimum: 0 },
              delay: { type: 'boolean' },
            },
          },
        },
      },
    },
  },
  function rateLimitPolicy(root, options, context) {
    const extension = options.extension ?? 'x-rate-limit';
    const results: IFunctionResult[] = [];
    const validate = options.check === 'shape' && options.schema !== undefined ? validatorFor(options.schema) : undefined;
    const only = options.pathPattern === undefined ? undefined : new RegExp(options.pathPattern);
    const rows = options.check === 'table' ? tableIndex(options.table ?? []) : undefined;
    const bases = basePaths(root);
    for (const entry of operations(root)) {
      const policy = entry.operation[extension];
      const operation: Operation = { method: entry.method, path: entry.pathKey };
      if (options.check === 'presence') {
        if (only !== undefined && !only.test(entry.pathKey)) continue;
        if (policy === undefined)
          results.push(
            RATE_LIMIT_POLICY_MESSAGES.report(context, [...context.path, ...entry.path], 'missingPolicy', { ...operation, extension }),
          );
        continue;
      }
      if (rows !== undefined) {
        const row = candidates(entry.pathKey, bases)
          .map((path) => rows.get(`${entry.method} ${path}`))
          .find((r) => r !== undefined);
        if (row === undefined || row.rate === undefined) continue;
        const wanted: Array<[setting: 'rate' | 'burst' | 'delay', value: string]> = [['rate', row.rate]];
        if (row.burst !== undefined) wanted.push(['burst', String(row.burst)]);
        if (row.delay !== undefined) wanted.push(['delay', String(row.delay)]);
        const table: TableRow = {
          ...operation,
          extension,
          settings: wanted.map(([setting]) => setting),
          values: wanted.map(([, value]) => value),
        };
        if (policy === undefined) {
          results.push(RATE_LIMIT_POLICY_MESSAGES.report(context, [...context.path, ...entry.path], 'missingTablePolicy', table));
          continue;
        }
        if (!isObject(policy)) {
          results.push(RATE_LIMIT_POLICY_MESSAGES.report(context, [...context.path, ...entry.path, extension], 'notAPolicy', table));
          continue;
        }
        const differs = wanted.filter(([setting]) =>
          setting === 'rate' ? normaliseRate(policy['rate']) !== normaliseRate(row.rate) : policy[setting] !== row[setting],
        );
        if (differs.length > 0)
          results.push(
            RATE_LIMIT_POLICY_MESSAGES.report(context, [...context.path, ...entry.path, extension], 'differsFromTable', {
              ...operation,
              extension,
              settings: differs.map(([setting]) => setting),
              declared: differs.map(([setting]) => (policy[setting] === undefined ? '' : JSON.stringify(policy[setting]))),
              values: differs.map(([, value]) => value),
            }),
          );
        continue;
      }
      if (policy === undefined || validate === undefined || validate(policy)) continue;
      const problems = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => describe(e, extension));
      results.push(
        RATE_LIMIT_POLICY_MESSAGES.report(context, [...context.path, ...entry.path, extension], 'malformedPolicy', {
          ...operation,
          problems: [...new Set(problems)],
        }),
      );
    }
    return results;
  },
);
