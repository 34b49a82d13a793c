import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JSONSchema7 } from 'json-schema';
import type { JsonPath } from '@stoplight/types';
import { isOas2, operationLabel, operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { isJsonMediaType } from '../oas/mediaTypes.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { operationResponses, responseMediaTypes, responseSchemas } from '../oas/responses.js';
import { componentRef, effectiveSchema, everyBranch, wrappedRef } from '../oas/effectiveSchema.js';
import { hasType } from '../oas/schemas.js';
import { matchesAny } from '../oas/status.js';
import { defineMessages } from '../core/engine/messages.js';
import { STATUS_CODE } from '../oas/optionSchemas.js';

type Response = { method: string; path: string; code: string };

function responseText({ method, path, code }: Response): string {
  return `${operationLabel(method, path)} response ${code}`;
}

export const RESPONSE_BODY_SHAPE_MESSAGES = defineMessages<{
  noJsonBody: Response;
  /** `problems`: what the body's schema lacks, one description each (`errors[].field is not required`). */
  wrongShape: Response & { problems: readonly string[] };
  /** The problems lie in a shared schema `component` the response's body uses. */
  wrongSharedShape: Response & { component: string; problems: readonly string[] };
}>('responseBodyShape', {
  noJsonBody: (params) => `${responseText(params)} has no JSON body: the standard gives it one.`,
  wrongShape: (params) => `${responseText(params)}: ${params.problems.join('; ')}.`,
  wrongSharedShape: (params) => `${params.component} (used by ${responseText(params)}): ${params.problems.join('; ')}.`,
});

/** The shape a body must have, in a small subset of JSON Schema. */
export interface Shape {
  type?: string;
  /** Properties that must be declared and required. */
  required?: string[];
  /** Properties that must be declared (required or not). */
  declared?: string[];
  properties?: Record<string, Shape>;
  items?: Shape;
  /** When the schema declares an `enum`, its values must all be among these. */
  enumWithin?: string[];
}

export interface ResponseBodyShapeOptions {
  /** Response codes the rule applies to (default: every response). */
  codes?: string[];
  shape: Shape;
  /** Report a response without a JSON body (default: true). */
  requireJson?: boolean;
}

const SHAPE: JSONSchema7 = {
  type: 'object',
  additionalProperties: false,
  properties: {
    type: { type: 'string' },
    required: { type: 'array', items: { type: 'string' } },
    declared: { type: 'array', items: { type: 'string' } },
    properties: { type: 'object', additionalProperties: { $ref: '#/definitions/shape' } },
    items: { $ref: '#/definitions/shape' },
    enumWithin: { type: 'array', items: { type: 'string' } },
  },
};

/** What a schema lacks against a shape, as readable problems (`errors[].field: not required`). */
/** A problem, and the shared schema it lies in when that is not the body's own schema. */
interface Problem {
  text: string;
  /** Path of the shared component (local `$ref` target) the problem is in; undefined for the body itself. */
  in?: JsonPath;
}

/** The local shared component a set of definitions stands for (directly or behind allOf/nullable), if any. */
function sharedComponent(definitions: unknown[], refs: RefFollower): JsonPath | undefined {
  for (const definition of definitions) {
    const candidate = componentRef(definition, refs);
    if (candidate === undefined) continue;
    const target = refs.resolve(candidate, []);
    if (target.source === null) return target.path;
  }
  return undefined;
}

/**
 * What a schema lacks against a shape, as readable problems (`errors[].field: not required`): none
 * when every alternative of a `oneOf`/`anyOf` has the shape.
 */
function problems(schema: unknown, shape: Shape, where: string, refs: RefFollower): Problem[] {
  const found = ownProblems(schema, shape, where, refs);
  if (found.length === 0) return found;
  return everyBranch(schema, refs, (branch) => branch !== schema && ownProblems(branch, shape, where, refs).length === 0) ? [] : found;
}

/** What a schema read as a whole (see `effectiveSchema`) lacks against a shape. */
function ownProblems(schema: unknown, shape: Shape, where: string, refs: RefFollower): Problem[] {
  const found: Problem[] = [];
  const push = (text: string) => found.push({ text });
  const label = where === '' ? 'the body' : where;
  if (shape.type !== undefined && !hasType(schema, shape.type, refs)) push(`${label} is not of type ${shape.type}`);
  const view = effectiveSchema(schema, refs);
  const properties = view.properties;
  const required = view.required;
  for (const name of shape.declared ?? []) {
    if (!properties.has(name)) push(`${where === '' ? name : `${where}.${name}`} is not declared`);
  }
  for (const name of shape.required ?? []) {
    const at = where === '' ? name : `${where}.${name}`;
    if (!properties.has(name)) push(`${at} is not declared`);
    else if (!required.has(name)) push(`${at} is not required`);
  }
  // Problems inside a shared component are the component's: they are reported there, once.
  const nested = (definitions: unknown[], inner: Shape, innerWhere: string) => {
    const component = sharedComponent(definitions, refs);
    for (const problem of problems({ allOf: definitions }, inner, innerWhere, refs))
      found.push(problem.in === undefined && component !== undefined ? { ...problem, in: component } : problem);
  };
  for (const [name, inner] of Object.entries(shape.properties ?? {})) {
    const definitions = properties.get(name);
    if (definitions !== undefined) nested(definitions, inner, where === '' ? name : `${where}.${name}`);
  }
  if (shape.items !== undefined) {
    const items = view.items;
    if (items.length > 0) nested(items, shape.items, `${where}[]`);
    else if (hasType(schema, 'array', refs)) push(`${label} declares no items`);
  }
  if (shape.enumWithin !== undefined) {
    const values = view.enum;
    const unknown = (values ?? []).filter((value) => typeof value !== 'string' || !shape.enumWithin!.includes(value));
    if (unknown.length > 0)
      push(`${label} allows ${unknown.map((v) => JSON.stringify(v)).join(', ')}, outside ${shape.enumWithin.join(', ')}`);
  }
  return found;
}

/**
 * Reports response bodies whose JSON schema does not have the shape the standard gives them
 * (PMSIpilot's 422 `{message, errors: [{resource, field, code}]}`): missing or optional properties,
 * wrong types, enum values outside the standard's list. A shared schema is reported once, where it
 * is defined; a response with no JSON body is reported at the response.
 */
export default defineRulesetFunction<unknown, ResponseBodyShapeOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['shape'],
      definitions: { shape: SHAPE },
      properties: {
        codes: {
          type: 'array',
          minItems: 1,
          items: STATUS_CODE,
          description: 'Response codes the rule applies to, e.g. ["422"] (default: every response).',
        },
        requireJson: { type: 'boolean', default: true, description: 'Report a response of these codes that has no JSON body.' },
        shape: {
          $ref: '#/definitions/shape',
          description: 'The shape ({type, required, declared, properties, items, enumWithin}) the JSON body must have.',
        },
      },
    } as JSONSchema7,
  },
  function responseBodyShape(root, options, context) {
    if (!isObject(root)) return [];
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const reported = new Set<string>();
    const results: IFunctionResult[] = [];
    for (const entry of operations(root)) {
      for (const { code, response, path, definedAt, viaRef } of operationResponses(entry, refs)) {
        if (options.codes !== undefined && !matchesAny(code, options.codes)) continue;
        const subject: Response = { method: entry.method, path: entry.pathKey, code };
        const types = responseMediaTypes(response, entry, root, oas2);
        const json = [...responseSchemas(response, definedAt ?? path, oas2, refs)].filter(({ path: schemaPath }) =>
          oas2
            ? types.length === 0 || types.some((t) => isJsonMediaType(t, { plusJson: true }))
            : isJsonMediaType(String(schemaPath[schemaPath.length - 2]), { plusJson: true }),
        );
        if (json.length === 0) {
          if (options.requireJson === false) continue;
          // Using a bodiless shared response here is the fault, not the response itself (it may be right as a 400).
          results.push(
            RESPONSE_BODY_SHAPE_MESSAGES.report(context, [...context.path, ...(viaRef ? [...path, '$ref'] : path)], 'noJsonBody', subject),
          );
          continue;
        }
        for (const { schema, path: schemaPath } of json) {
          const site: JsonPath =
            definedAt === undefined
              ? [...path, '$ref']
              : wrappedRef(schema, refs) !== undefined
                ? (() => {
                    const target = refs.resolve(wrappedRef(schema, refs), schemaPath);
                    return target.source === null ? target.path : [...schemaPath, '$ref'];
                  })()
                : schemaPath;
          const found = problems(schema, options.shape, '', refs);
          const bySite = new Map<string, { at: JsonPath; texts: string[]; shared: boolean }>();
          for (const problem of found) {
            const at = problem.in ?? site;
            const key = JSON.stringify(at);
            const group = bySite.get(key) ?? { at, texts: [], shared: problem.in !== undefined };
            group.texts.push(problem.text);
            bySite.set(key, group);
          }
          for (const [key, { at, texts, shared }] of bySite) {
            if (reported.has(key)) continue;
            reported.add(key);
            results.push(
              shared
                ? RESPONSE_BODY_SHAPE_MESSAGES.report(context, [...context.path, ...at], 'wrongSharedShape', {
                    ...subject,
                    component: String(at[at.length - 1]),
                    problems: texts,
                  })
                : RESPONSE_BODY_SHAPE_MESSAGES.report(context, [...context.path, ...at], 'wrongShape', { ...subject, problems: texts }),
            );
          }
        }
      }
    }
    return results;
  },
);
