import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isCollectionGet, propertyDefinitions } from '../oas/collections.js';
import { isOas2, operationLabel, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { isJsonMediaType } from '../oas/mediaTypes.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { operationResponses, responseMediaTypes, responseSchemas } from '../oas/responses.js';
import { componentRef, everyBranch, wrappedRef } from '../oas/effectiveSchema.js';
import { hasType } from '../oas/schemas.js';
import { matchesAny } from '../oas/status.js';
import { defineMessages } from '../core/engine/messages.js';
import { STATUS_CODE_OR_DEFAULT } from '../oas/optionSchemas.js';

type Response = { method: string; path: string; code: string };

function responseText({ method, path, code }: Response): string {
  return `${operationLabel(method, path)} response ${code}`;
}

export const RESPONSE_ENVELOPE_MESSAGES = defineMessages<{
  /** `properties`: those the envelope must declare. */
  bareArray: Response & { properties: readonly string[] };
  incompleteEnvelope: Response & {
    /** The envelope property judged (its `at` option), or '' for the body itself. */
    at: string;
    /** Properties it does not declare. */
    missing: readonly string[];
    /** Properties declared without the type asked for, beside those types. */
    mistyped: readonly string[];
    types: readonly string[];
    /** When none of the alternatives is declared in full: each, its property names joined by " and "; else empty. */
    alternatives: readonly string[];
  };
}>('responseEnvelope', {
  bareArray: (params) => `${responseText(params)} returns a bare array: return an object with ${params.properties.join(', ')}.`,
  incompleteEnvelope: (params) =>
    `${responseText(params)}: the ${params.at === '' ? 'body' : params.at} ${[
      ...(params.missing.length > 0 ? [`declares no ${params.missing.join(', ')}`] : []),
      ...(params.mistyped.length > 0
        ? [`should type ${params.mistyped.map((name, i) => `${name} (${params.types[i] ?? ''})`).join(', ')}`]
        : []),
      ...(params.alternatives.length > 0 ? [`needs ${params.alternatives.join(' or ')}`] : []),
    ].join('; ')}.`,
});

export interface EnvelopeProperty {
  name: string;
  /** The JSON type the property must declare (a 3.1 `[type, "null"]` list counts). */
  type?: string;
}

export interface ResponseEnvelopeOptions {
  /** "collection-get": success bodies of collection GETs; "json-responses": every JSON response body. */
  scope: 'collection-get' | 'json-responses';
  /** Properties the envelope must declare (`required` is not asked). */
  properties: EnvelopeProperty[];
  /** Groups of properties of which one must be declared in full (`offset`, or `before` and `after`). */
  oneOfGroups?: string[][];
  /** Check this property of the envelope (e.g. `Meta`) instead of the envelope itself. */
  at?: string;
  /** Envelope properties holding the list in a collection response (default: data). */
  listProperties?: string[];
  /** Report a bare top-level array as not being an envelope (default: true). */
  reportBareArray?: boolean;
  /** Response codes judged (default: 2XX for collection-get, all for json-responses). */
  codes?: string[];
}

function isArraySchema(schema: unknown, refs: RefFollower): boolean {
  return hasType(schema, 'array', refs);
}

/** Where a schema as written is defined: a local `$ref`'s target, the `$ref` itself for another file, or the schema's own path. */
function definitionSite(schema: unknown, path: JsonPath, refs: RefFollower): { key: unknown; at: JsonPath } {
  // A wrapper (`allOf: [X]` with a description, `{nullable: true, oneOf: [X]}`) is X's use.
  const ref = wrappedRef(schema, refs);
  if (ref !== undefined) {
    const target = refs.resolve(ref, path);
    return target.source === null ? { key: target.value, at: target.path } : { key: target.value, at: [...path, '$ref'] };
  }
  return { key: schema, at: path };
}

/**
 * Reports response bodies that are not the standard's envelope: properties it must declare
 * (`data`, `count`, `total`; `Message`, `StatusCode`, `Data`, `Errors`, `Meta`), alternatives of
 * which one must be there, and bare arrays. A shared schema is reported once, where it is defined.
 */
export default defineRulesetFunction<unknown, ResponseEnvelopeOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['scope', 'properties'],
      properties: {
        scope: {
          enum: ['collection-get', 'json-responses'],
          description: '"collection-get": success bodies of collection GETs; "json-responses": every JSON response body.',
        },
        properties: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: { type: 'string' }, type: { type: 'string' } },
          },
          description: 'Properties ({name, type?}) the envelope must declare; required is not asked.',
        },
        oneOfGroups: {
          type: 'array',
          items: { type: 'array', items: { type: 'string' } },
          description: 'Groups of property names of which one must be declared in full.',
        },
        at: { type: 'string', description: 'Check this property of the envelope (e.g. Meta) rather than the envelope itself.' },
        listProperties: {
          type: 'array',
          items: { type: 'string' },
          default: ['data'],
          description: 'Envelope properties that hold the list of a collection response.',
        },
        reportBareArray: { type: 'boolean', default: true, description: 'Report a bare top-level array as a missing envelope.' },
        codes: {
          type: 'array',
          items: STATUS_CODE_OR_DEFAULT,
          description: 'Response codes judged (default: 2XX for collection GETs, every code for JSON responses).',
        },
      },
    },
  },
  function responseEnvelope(root, options, context) {
    if (!isObject(root)) return [];
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const listProperties = options.listProperties ?? ['data'];
    const codes = options.codes ?? (options.scope === 'collection-get' ? ['2XX'] : undefined);
    const reported = new Set<unknown>();
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      if (options.scope === 'collection-get' && !isCollectionGet(root, entry, refs, listProperties)) continue;
      for (const { code, response, path, definedAt } of operationResponses(entry, refs)) {
        if (codes !== undefined && !(code === 'default' ? codes.includes('default') : matchesAny(code, codes))) continue;
        const types = responseMediaTypes(response, entry, root, oas2);
        for (const { schema, path: schemaPath } of responseSchemas(response, definedAt ?? path, oas2, refs)) {
          // The envelope is a JSON document's shape: XML, HTML or text bodies are other rules' concern.
          // A 2.0 body with no `produces` in force is taken as JSON, the standard's default.
          const json = oas2
            ? types.length === 0 || types.some((t) => isJsonMediaType(t, { plusJson: true }))
            : isJsonMediaType(String(schemaPath[schemaPath.length - 2]), { plusJson: true });
          if (!json) continue;
          const subject: Response = { method: entry.method, path: entry.pathKey, code };
          if (isArraySchema(schema, refs)) {
            // A bare array is wrong where it is used as the body: the same list schema may well be an envelope's `data`.
            const used =
              definedAt === undefined
                ? [...path, '$ref']
                : isObject(schema) && typeof schema['$ref'] === 'string'
                  ? [...schemaPath, '$ref']
                  : schemaPath; // a wrapper (`allOf: [List]`) is the use, written where the body's schema is
            const key = JSON.stringify(used);
            if ((options.reportBareArray ?? true) && !reported.has(key)) {
              reported.add(key);
              results.push(
                RESPONSE_ENVELOPE_MESSAGES.report(context, [...context.path, ...used], 'bareArray', {
                  ...subject,
                  properties: options.properties.map((p) => p.name),
                }),
              );
            }
            continue;
          }
          // A response from another file can only be reported at the `$ref` that brings it.
          let site = definedAt === undefined ? { key: schema, at: [...path, '$ref'] } : definitionSite(schema, schemaPath, refs);
          if (reported.has(site.key)) continue;
          let target: unknown = schema;
          if (options.at !== undefined) {
            const definitions = propertyDefinitions(schema, refs).get(options.at);
            // Without the property there is nothing to check here: the envelope rule reports it.
            if (definitions === undefined) continue;
            target = { allOf: definitions };
            // A shared `Meta` schema is judged once, where it is defined.
            // (also behind a description: `{nullable: true, allOf: [{$ref: PageMeta}]}`).
            const shared = definitions
              .map((d) => componentRef(d, refs))
              .map((ref) => (ref === undefined ? undefined : refs.resolve(ref, [])))
              .find((r) => r?.source === null);
            if (shared !== undefined) {
              if (reported.has(shared.value)) continue;
              site = { key: shared.value, at: shared.path };
            }
          }
          const groups = options.oneOfGroups ?? [];
          const judge = (envelope: unknown) => {
            const declared = propertyDefinitions(envelope, refs);
            const typed = (name: string, type: string | undefined) =>
              type === undefined || (declared.get(name) ?? []).some((d) => hasType(d, type, refs));
            const missing = options.properties.filter((p) => !declared.has(p.name)).map((p) => p.name);
            const mistyped = options.properties.filter((p) => declared.has(p.name) && !typed(p.name, p.type));
            const groupMissing = groups.length > 0 && !groups.some((group) => group.every((name) => declared.has(name)));
            return { missing, mistyped, groupMissing, ok: missing.length === 0 && mistyped.length === 0 && !groupMissing };
          };
          const { missing, mistyped, groupMissing, ok } = judge(target);
          // A `oneOf`/`anyOf` of envelopes is an envelope when every alternative is one.
          if (ok || everyBranch(target, refs, (branch) => branch !== target && judge(branch).ok)) continue;
          reported.add(site.key);
          results.push(
            RESPONSE_ENVELOPE_MESSAGES.report(context, [...context.path, ...site.at], 'incompleteEnvelope', {
              ...subject,
              at: options.at ?? '',
              missing,
              mistyped: mistyped.map((p) => p.name),
              // A property without a type is never mistyped.
              types: mistyped.map((p) => p.type ?? ''),
              alternatives: groupMissing ? groups.map((g) => g.join(' and ')) : [],
            }),
          );
        }
      }
    }
    return results;
  },
);
