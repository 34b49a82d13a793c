import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isCollectionGet } from '../oas/collections.js';
import { isOas2, operationLabel, operations, parameterNodes } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import type { RefFollower } from '../oas/refs.js';
import { effectiveParameters, parameterSchema } from '../oas/parameters.js';
import { refFollower } from '../oas/refs.js';
import { effectiveSchema, everyBranch } from '../oas/effectiveSchema.js';
import type { EffectiveSchema } from '../oas/effectiveSchema.js';
import { defineMessages } from '../core/engine/messages.js';

export interface PaginationParameter {
  name: string;
  type?: string;
  minimum?: number;
  default?: string | number | boolean;
}

export interface PaginationParametersOptions {
  /** Alternative sets of query parameters; a collection GET must accept every parameter of one set. */
  sets: PaginationParameter[][];
  /** Envelope properties holding the list in a collection response (default: data). */
  listProperties?: string[];
  /** Common misspellings and the name meant, to suggest in the message. */
  misspellings?: Record<string, string>;
}

/** The schema keywords a pagination parameter lacks, beside the values it should have (a default as JSON: `"20"`, `20`). */
type Constraints = { name: string; keywords: readonly string[]; values: readonly string[] };

function constraintsText({ name, keywords, values }: Constraints): string {
  return `pagination parameter "${name}" should have ${keywords.map((keyword, i) => `${keyword} ${values[i] ?? ''}`).join(', ')}.`;
}

export const PAGINATION_PARAMETERS_MESSAGES = defineMessages<{
  missingPagination: {
    method: string;
    path: string;
    /** The accepted sets, each its parameter names joined by " + ". */
    sets: readonly string[];
    /** Query parameters the operation takes that are known misspellings, beside the names meant. */
    misspelt: readonly string[];
    meant: readonly string[];
  };
  constraints: Constraints & { method: string; path: string };
  /** `parameter`: the shared parameter's name under components/parameters (2.0: parameters). */
  sharedConstraints: Constraints & { parameter: string };
}>('paginationParameters', {
  missingPagination: ({ method, path, sets, misspelt, meant }) =>
    `${operationLabel(method, path)} returns a collection but does not accept the pagination parameters ${sets.join(', or ')}${
      misspelt.length > 0 ? ` (${misspelt.map((name, i) => `"${name}" should be "${meant[i] ?? ''}"`).join('; ')})` : ''
    }.`,
  constraints: (params) => `${operationLabel(params.method, params.path)}: ${constraintsText(params)}`,
  sharedConstraints: (params) => `Parameter ${params.parameter}: ${constraintsText(params)}`,
});

/** What a parameter's schema lacks, read however it is written (`allOf: [PageSize]` with a `default` beside it). */
function constraintProblems(spec: PaginationParameter, schema: unknown, refs: RefFollower): { keywords: string[]; values: string[] } {
  const problems: Array<[keyword: string, value: string]> = [];
  const holds = (test: (view: EffectiveSchema) => boolean) => everyBranch(schema, refs, (branch) => test(effectiveSchema(branch, refs)));
  if (spec.type !== undefined && !holds((view) => view.types.has(spec.type!))) problems.push(['type', spec.type]);
  if (spec.minimum !== undefined && !holds((view) => view.keyword('minimum') === spec.minimum))
    problems.push(['minimum', String(spec.minimum)]);
  if (spec.default !== undefined && !holds((view) => view.keyword('default') === spec.default))
    problems.push(['default', JSON.stringify(spec.default)]);
  return { keywords: problems.map(([keyword]) => keyword), values: problems.map(([, value]) => value) };
}

/** The set of which the operation accepts the most parameters (the first on a tie). */
function closestSet(sets: readonly PaginationParameter[][], query: ReadonlyMap<string, unknown>): PaginationParameter[] {
  const accepted = (set: readonly PaginationParameter[]): number => set.filter((spec) => query.has(spec.name)).length;
  return sets.reduce((best, set) => (accepted(set) > accepted(best) ? set : best), sets[0]!);
}

/** Reports collection GETs that do not accept one of the standard's sets of pagination parameters, or whose parameters lack the set's constraints. */
export default defineRulesetFunction<unknown, PaginationParametersOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['sets'],
      properties: {
        sets: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name'],
              properties: {
                name: { type: 'string' },
                type: { type: 'string' },
                minimum: { type: 'number' },
                default: { type: ['string', 'number', 'boolean'] },
              },
            },
          },
          description:
            'Alternative sets of query parameters ({name, type?, minimum?, default?}); accepting every parameter of one set satisfies the rule.',
        },
        listProperties: {
          type: 'array',
          items: { type: 'string' },
          default: ['data'],
          description: 'Envelope properties that hold the list of a collection response.',
        },
        misspellings: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Misspelt parameter names mapped to the name meant, suggested in the message.',
        },
      },
    },
  },
  function paginationParameters(root, options, context) {
    if (!isObject(root)) return [];
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const results: IFunctionResult[] = [];
    const reportedShared = new Set<string>();
    for (const entry of operations(root)) {
      if (!isCollectionGet(root, entry, refs, options.listProperties ?? ['data'])) continue;
      const query = new Map(
        effectiveParameters(entry, refs)
          .filter((p) => p['in'] === 'query')
          .map((p) => [String(p['name']), p]),
      );
      const where = [
        ...context.path,
        ...entry.path,
        ...(isObject(entry.operation['parameters']) || Array.isArray(entry.operation['parameters']) ? ['parameters'] : []),
      ];
      const matched = options.sets.find((set) => set.every((spec) => query.has(spec.name)));
      if (matched === undefined) {
        const misspelt = [...query.keys()].filter((name) => options.misspellings?.[name] !== undefined);
        results.push(
          PAGINATION_PARAMETERS_MESSAGES.report(context, where, 'missingPagination', {
            method: entry.method,
            path: entry.pathKey,
            sets: options.sets.map((set) => set.map((p) => p.name).join(' + ')),
            misspelt,
            meant: misspelt.map((name) => options.misspellings![name]!),
          }),
        );
      }
      // The parameters that are there are judged even when others are missing: every problem in one run.
      const judged = matched ?? closestSet(options.sets, query);
      for (const spec of judged.filter((p) => query.has(p.name))) {
        const schema = parameterSchema(query.get(spec.name)!, oas2);
        const { keywords, values } = isObject(refs.value(schema)) ? constraintProblems(spec, schema, refs) : { keywords: [], values: [] };
        if (keywords.length === 0) continue;
        // A shared parameter (components/parameters) is reported once, where it is defined.
        const written = [...parameterNodes(entry)].map(({ node }) => node).find((node) => refs.value(node) === query.get(spec.name));
        const target = isObject(written) && typeof written['$ref'] === 'string' ? refs.resolve(written, []) : undefined;
        const shared = target?.source === null ? target.path : undefined;
        if (shared !== undefined) {
          const key = JSON.stringify(shared);
          if (reportedShared.has(key)) continue;
          reportedShared.add(key);
        }
        const constraints = { name: spec.name, keywords, values };
        results.push(
          shared === undefined
            ? PAGINATION_PARAMETERS_MESSAGES.report(context, where, 'constraints', {
                ...constraints,
                method: entry.method,
                path: entry.pathKey,
              })
            : PAGINATION_PARAMETERS_MESSAGES.report(context, [...context.path, ...shared], 'sharedConstraints', {
                ...constraints,
                parameter: String(shared[shared.length - 1]),
              }),
        );
      }
    }
    return results;
  },
);
