import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { HTTP_METHODS, isOas2, operations } from '../oas/document.js';
import { propertyDefinitions } from '../oas/collections.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { operationResponses, responseSchemas } from '../oas/responses.js';
import { pathSegments } from '../oas/paths.js';
import { declaredTypes } from '../oas/schemas.js';
import { matchesAny } from '../oas/status.js';

export interface ResponsePropertyOptions {
  /** Response codes the rule applies to. */
  codes: string[];
  /** Only operations with these methods (default: all). */
  methods?: string[];
  /** Property names that satisfy the rule. */
  names?: string[];
  /** A regular expression property names may match instead. */
  namePattern?: string;
  /** The JSON type the property must have. */
  type?: string;
  /** The `format` the property must have. */
  format?: string;
}

function itemsOf(schema: unknown, refs: RefFollower): unknown {
  const resolved = refs.value(schema);
  if (!isObject(resolved)) return undefined;
  if (declaredTypes(resolved).includes('array') || (declaredTypes(resolved).length === 0 && 'items' in resolved)) return resolved['items'] ?? {};
  return undefined;
}

/**
 * Reports response bodies that do not expose a property the standard wants (an `id` or `_links`
 * of the resource a 201 created; a uuid identifier). For an array body, each item must. Reported
 * at the body's schema as the response writes it.
 */
export default createRulesetFunction<unknown, ResponsePropertyOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['codes'],
      properties: {
        codes: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[1-5](?:\\d\\d|XX)$' }, description: 'Response codes the rule applies to, e.g. ["201"].' },
        methods: { type: 'array', items: { enum: [...HTTP_METHODS] }, description: 'Only operations with these lower-case methods (default: all).' },
        names: { type: 'array', items: { type: 'string' }, description: 'Property names that satisfy the rule (any one of them).' },
        namePattern: { type: 'string', format: 'regex', description: 'A regular expression a satisfying property name may match instead.' },
        type: { type: 'string', description: 'The JSON type the satisfying property must declare, e.g. "string".' },
        format: { type: 'string', description: 'The format the satisfying property must declare, e.g. "uuid".' },
      },
    },
  },
  function responseProperty(root, options, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const pattern = options.namePattern === undefined ? undefined : new RegExp(options.namePattern);
    const nameFits = (name: string) => (options.names ?? []).includes(name) || (pattern?.test(name) ?? false);
    const wanted = [...(options.names ?? []), ...(pattern !== undefined ? [`a name matching ${pattern.source}`] : [])].join(' or ');
    const shape = [options.type, options.format !== undefined ? `format ${options.format}` : undefined].filter(Boolean).join(', ');
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      if (options.methods !== undefined && !options.methods.includes(entry.method)) continue;
      for (const { code, response, path, viaRef } of operationResponses(entry, refs)) {
        if (!matchesAny(code, options.codes)) continue;
        // A path parameter (`customerId` in /customers/{customerId}/addresses) is the parent's id, not the new resource's.
        const parentIds = new Set(pathSegments(entry.pathKey).filter((s) => s.kind === 'parameter').map((s) => s.text.replace(/[{}]/g, '')));
        for (const { schema, path: schemaPath } of responseSchemas(response, path, oas2, refs)) {
          const items = itemsOf(schema, refs);
          const subject = items === undefined ? schema : items;
          const exposes = (variant: unknown): { ok: boolean; found: string[] } => {
            // The created resource may come wrapped (`{order: {id}}`): one level of nesting counts.
            const ownProperties = propertyDefinitions(variant, refs);
            const wrapped = [...ownProperties.values()].flat().flatMap((definition) => [...propertyDefinitions(definition, refs)]);
            const candidates = [...ownProperties, ...wrapped].filter(([name]) => nameFits(name) && !parentIds.has(name));
            const ok = candidates.some(([, definitions]) =>
              definitions.some((definition) => {
                const resolved = refs.value(definition);
                if (!isObject(resolved)) return options.type === undefined && options.format === undefined;
                return (options.type === undefined || declaredTypes(resolved).includes(options.type)) && (options.format === undefined || resolved['format'] === options.format);
              }),
            );
            return { ok, found: candidates.map(([name]) => name) };
          };
          // Alternatives (`oneOf`/`anyOf`) each stand for the body: every one of them must expose it.
          const resolvedSubject = refs.value(subject);
          const alternatives = isObject(resolvedSubject) ? [resolvedSubject['oneOf'], resolvedSubject['anyOf']].find(Array.isArray) : undefined;
          const own = exposes(subject);
          if (own.ok || (alternatives !== undefined && alternatives.length > 0 && alternatives.every((variant: unknown) => exposes(variant).ok))) continue;
          const candidates = own.found;
          const where = viaRef ? [...path, '$ref'] : isObject(schema) && typeof schema['$ref'] === 'string' ? [...schemaPath, '$ref'] : schemaPath;
          const found = candidates;
          results.push({
            message: `${entry.method.toUpperCase()} ${entry.pathKey} response ${code}: ${items === undefined ? 'the body' : 'each item of the body'} should expose ${wanted}${shape !== '' ? ` (${shape})` : ''}${found.length > 0 ? `; ${found.join(', ')} ${found.length === 1 ? 'is' : 'are'} not ${shape}` : ''}.`,
            path: [...context.path, ...where],
          });
        }
      }
    }
    return results;
  },
);
