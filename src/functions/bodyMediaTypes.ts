import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult, RulesetFunctionContext } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { bodySites } from '../oas/bodies.js';
import type { BodyKind } from '../oas/bodies.js';
import { isOas2, operationLabel, operations, parameterNodes } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { isJsonMediaType, isMediaTypeKey } from '../oas/mediaTypes.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { isStructuredSchema } from '../oas/schemas.js';
import { defineMessages } from '../core/engine/messages.js';

export interface BodyMediaTypesOptions {
  /** Which bodies to check. */
  bodies: BodyKind[];
  /** "offer": at least one JSON media type; "only": every media type is JSON. */
  mode: 'offer' | 'only';
  /** Accept `+json` structured-syntax types as JSON. */
  plusJson: boolean;
  /** Check only bodies whose schema is an object or an array (binary and text payloads may use other types). */
  structuredOnly: boolean;
}

const DEFAULTS: BodyMediaTypesOptions = { bodies: ['request', 'response'], mode: 'offer', plusJson: true, structuredOnly: true };

function isFormMediaType(type: string): boolean {
  return /^(?:multipart\/[^;]+|application\/x-www-form-urlencoded)(?:;|$)/i.test(type.trim());
}

function jsonLabel(plusJson: boolean): string {
  return plusJson ? 'application/json (or a +json type)' : 'application/json';
}

/** A 3.x body: the request body, or a response (`code` is '' for a response not under a status code). */
type Body = { body: BodyKind; code: string; plusJson: boolean };
/** A 2.0 operation's (or the document's) `consumes` or `produces` list. */
type MediaTypeList = { field: 'consumes' | 'produces'; plusJson: boolean };

function bodyLabel({ body, code }: Body): string {
  return body === 'request' ? 'Request body' : `Response${code !== '' ? ` ${code}` : ''}`;
}

function listLabel(field: MediaTypeList['field']): string {
  return field === 'consumes' ? 'request body' : 'responses';
}

export const BODY_MEDIA_TYPES_MESSAGES = defineMessages<{
  noJson: Body & { mediaTypes: readonly string[] };
  notJson: Body & { mediaType: string };
  noJsonInList: MediaTypeList & { method: string; path: string; mediaTypes: readonly string[] };
  notJsonInList: MediaTypeList & { mediaType: string };
}>('bodyMediaTypes', {
  noJson: (params) => `${bodyLabel(params)} offers ${params.mediaTypes.join(', ')} but no ${jsonLabel(params.plusJson)}.`,
  notJson: (params) => `${bodyLabel(params)} uses ${params.mediaType}: bodies must be ${jsonLabel(params.plusJson)}.`,
  noJsonInList: ({ field, plusJson, method, path, mediaTypes }) =>
    `${operationLabel(method, path)} ${field} ${mediaTypes.join(', ')} for its ${listLabel(field)} but no ${jsonLabel(plusJson)}.`,
  notJsonInList: ({ field, plusJson, mediaType }) => `${field} lists ${mediaType}: ${listLabel(field)} must be ${jsonLabel(plusJson)}.`,
});

/** Reports request and response bodies whose media types are not JSON as the standard wants. */
export default defineRulesetFunction<unknown, Partial<BodyMediaTypesOptions> | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        bodies: {
          type: 'array',
          items: { enum: ['request', 'response'] },
          default: DEFAULTS.bodies,
          description: 'Which bodies to check: request bodies, response bodies.',
        },
        mode: {
          enum: ['offer', 'only'],
          default: DEFAULTS.mode,
          description: '"offer": at least one JSON media type; "only": every media type must be JSON.',
        },
        plusJson: { type: 'boolean', default: DEFAULTS.plusJson, description: 'Accept +json types such as application/problem+json.' },
        structuredOnly: {
          type: 'boolean',
          default: DEFAULTS.structuredOnly,
          description: 'Check only bodies whose schema is an object or array.',
        },
      },
    },
  },
  function bodyMediaTypes(root, partial, context) {
    const options: BodyMediaTypesOptions = { ...DEFAULTS, ...(partial ?? {}) };
    const refs = refFollower(context);
    return isOas2(root) ? checkOas2(root, options, refs, context) : checkOas3(root, options, refs, context);
  },
);

function checkOas3(root: unknown, options: BodyMediaTypesOptions, refs: RefFollower, context: RulesetFunctionContext): IFunctionResult[] {
  const base = context.path;
  const results: IFunctionResult[] = [];
  const isJson = (type: string) => isJsonMediaType(type, options);
  for (const site of bodySites(root, refs)) {
    if (!options.bodies.includes(site.kind)) continue;
    const content = site.body['content'];
    if (!isObject(content)) continue;
    // Keys that are not media types are another rule's concern (the document's validity).
    const types = Object.keys(content).filter(isMediaTypeKey);
    if (types.length === 0) continue;
    if (options.structuredOnly) {
      // Forms (file uploads, HTML forms) are field lists rather than JSON documents, as 2.0 formData is.
      const structured = types
        .filter((type) => !isFormMediaType(type))
        .some((type) => {
          const media = refs.value(content[type]);
          return isObject(media) && isStructuredSchema(media['schema'], refs);
        });
      if (!structured) continue;
    }
    const where = site.inline ? [...site.at, 'content'] : site.at;
    const body: Body = { body: site.kind, code: site.kind === 'request' ? '' : (site.code ?? ''), plusJson: options.plusJson };
    if (options.mode === 'offer') {
      if (!types.some(isJson)) {
        results.push(BODY_MEDIA_TYPES_MESSAGES.report(context, [...base, ...where], 'noJson', { ...body, mediaTypes: types }));
      }
    } else {
      for (const type of types.filter((t) => !isJson(t))) {
        results.push(
          BODY_MEDIA_TYPES_MESSAGES.report(context, [...base, ...(site.inline ? [...where, type] : where)], 'notJson', {
            ...body,
            mediaType: type,
          }),
        );
      }
    }
  }
  return results;
}

/** 2.0 declares media types per operation (`consumes`/`produces`) or for the whole document. */
function checkOas2(root: unknown, options: BodyMediaTypesOptions, refs: RefFollower, context: RulesetFunctionContext): IFunctionResult[] {
  if (!isObject(root)) return [];
  const base = context.path;
  const results: IFunctionResult[] = [];
  const isJson = (type: unknown) => typeof type === 'string' && isJsonMediaType(type, options);
  for (const entry of operations(root)) {
    const checks: Array<{ kind: BodyKind; field: 'consumes' | 'produces'; hasBody: boolean }> = [
      {
        kind: 'request',
        field: 'consumes',
        hasBody: [...parameterNodes(entry)].some(({ node }) => {
          const parameter = refs.value(node);
          if (!isObject(parameter)) return false;
          if (parameter['in'] === 'formData') return !options.structuredOnly;
          return parameter['in'] === 'body' && (!options.structuredOnly || isStructuredSchema(parameter['schema'], refs));
        }),
      },
      {
        kind: 'response',
        field: 'produces',
        hasBody: Object.values(isObject(entry.operation['responses']) ? entry.operation['responses'] : {}).some((node) => {
          const response = refs.value(node);
          return (
            isObject(response) &&
            response['schema'] !== undefined &&
            (!options.structuredOnly || isStructuredSchema(response['schema'], refs))
          );
        }),
      },
    ];
    for (const { kind, field, hasBody } of checks) {
      if (!options.bodies.includes(kind) || !hasBody) continue;
      const own = entry.operation[field];
      const list = own ?? root[field];
      // Without any declaration the media type is left open, which this rule cannot judge.
      if (!Array.isArray(list) || list.length === 0) continue;
      const listPath: JsonPath = own !== undefined ? [...entry.path, field] : [field];
      if (options.mode === 'offer') {
        if (!list.some(isJson)) {
          results.push(
            BODY_MEDIA_TYPES_MESSAGES.report(context, [...base, ...listPath], 'noJsonInList', {
              field,
              plusJson: options.plusJson,
              method: entry.method,
              path: entry.pathKey,
              // As Array.prototype.join writes them.
              mediaTypes: list.map((type: unknown) => (type === null || type === undefined ? '' : String(type))),
            }),
          );
        }
      } else {
        for (const [i, type] of list.entries()) {
          if (!isJson(type)) {
            results.push(
              BODY_MEDIA_TYPES_MESSAGES.report(context, [...base, ...listPath, i], 'notJsonInList', {
                field,
                plusJson: options.plusJson,
                mediaType: String(type),
              }),
            );
          }
        }
      }
    }
  }
  return results;
}
