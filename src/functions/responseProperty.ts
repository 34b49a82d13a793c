import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isOas2, operationLabel, operations } from '../oas/document.js';
import { propertyDefinitions } from '../oas/collections.js';
import { isObject } from '../oas/json.js';
import { refFollower } from '../oas/refs.js';
import type { RefFollower } from '../oas/refs.js';
import { operationResponses, responseSchemas } from '../oas/responses.js';
import { pathSegments } from '../oas/paths.js';
import { urlPath } from '../oas/servers.js';
import { effectiveSchema, everyBranch } from '../oas/effectiveSchema.js';
import { hasType } from '../oas/schemas.js';
import { matchesAny } from '../oas/status.js';
import { defineMessages } from '../core/engine/messages.js';
import { HTTP_METHOD, STATUS_CODE } from '../oas/optionSchemas.js';

/** A response, and the property it should expose. */
type Wanted = {
  method: string;
  path: string;
  code: string;
  /** Property names that would do. */
  names: readonly string[];
  /** A regular expression names may match instead (as RegExp writes its source); '' for none. */
  namePattern: string;
  /** How the rule words the names; '' to list the names and the pattern. */
  namesLabel: string;
  /** The JSON type and the format the property must declare; '' for none. */
  type: string;
  format: string;
};

function wantedText({ names, namePattern, namesLabel }: Wanted): string {
  return namesLabel !== '' ? namesLabel : [...names, ...(namePattern !== '' ? [`a name matching ${namePattern}`] : [])].join(' or ');
}

function shapeText({ type, format }: Wanted): string {
  return [type, format !== '' ? `format ${format}` : ''].filter((part) => part !== '').join(', ');
}

export const RESPONSE_PROPERTY_MESSAGES = defineMessages<{
  noBody: Wanted;
  notExposed: Wanted & {
    /** Whether the body is an array, each item of which should expose the property. */
    eachItem: boolean;
    /** Properties with a fitting name but not the type or format asked for. */
    found: readonly string[];
  };
}>('responseProperty', {
  noBody: (params) => {
    const shape = shapeText(params);
    return `${operationLabel(params.method, params.path)} response ${params.code} has no body: it should return ${wantedText(params)}${shape !== '' ? ` (${shape})` : ''}.`;
  },
  notExposed: (params) => {
    const shape = shapeText(params);
    const { found } = params;
    return `${operationLabel(params.method, params.path)} response ${params.code}: ${params.eachItem ? 'each item of the body' : 'the body'} should expose ${wantedText(params)}${shape !== '' ? ` (${shape})` : ''}${found.length > 0 ? `; ${found.join(', ')} ${found.length === 1 ? 'is' : 'are'} not ${shape}` : ''}.`;
  },
});

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
  /** Only operations whose path matches this regular expression. */
  pathPattern?: string;
  /** Also (or, without pathPattern, only) operations at the path of an OAuth2 `tokenUrl`. */
  tokenEndpoints?: boolean;
  /** How the accepted names read in messages (default: the names and the pattern). */
  namesLabel?: string;
  /** Report a response of these codes that has no body at all (default: false, it is not judged). */
  requireBody?: boolean;
}

/** The URL paths of the OAuth2 token endpoints the document's security schemes name (3.x flows, 2.0 tokenUrl). */
function oauth2TokenPaths(root: unknown): string[] {
  if (!isObject(root)) return [];
  const schemes = isObject(root['securityDefinitions'])
    ? root['securityDefinitions']
    : isObject(root['components']) && isObject(root['components']['securitySchemes'])
      ? root['components']['securitySchemes']
      : {};
  const urls: string[] = [];
  for (const scheme of Object.values(schemes)) {
    if (!isObject(scheme) || scheme['type'] !== 'oauth2') continue;
    if (typeof scheme['tokenUrl'] === 'string') urls.push(scheme['tokenUrl']);
    if (isObject(scheme['flows']))
      for (const flow of Object.values(scheme['flows']))
        if (isObject(flow) && typeof flow['tokenUrl'] === 'string') urls.push(flow['tokenUrl']);
  }
  return urls.map((url) => urlPath(url).replace(/\/+$/, '')).filter((path) => path !== '');
}

/** The schema of an array's items, however the array is written; undefined for a schema that is not an array. */
function itemsOf(schema: unknown, refs: RefFollower): unknown {
  if (!isObject(refs.value(schema)) || !hasType(schema, 'array', refs)) return undefined;
  const { items } = effectiveSchema(schema, refs);
  return items.length === 0 ? {} : items.length === 1 ? items[0] : { allOf: items };
}

/**
 * Reports response bodies that do not expose a property the standard wants (an `id` or `_links`
 * of the resource a 201 created; a uuid identifier). For an array body, each item must. Reported
 * at the body's schema as the response writes it.
 */
export default defineRulesetFunction<unknown, ResponsePropertyOptions>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['codes'],
      properties: {
        codes: {
          type: 'array',
          minItems: 1,
          items: STATUS_CODE,
          description: 'Response codes the rule applies to, e.g. ["201"].',
        },
        methods: {
          type: 'array',
          items: HTTP_METHOD,
          description: 'Only operations with these lower-case methods (default: all).',
        },
        names: { type: 'array', items: { type: 'string' }, description: 'Property names that satisfy the rule (any one of them).' },
        namePattern: { type: 'string', format: 'regex', description: 'A regular expression a satisfying property name may match instead.' },
        type: { type: 'string', description: 'The JSON type the satisfying property must declare, e.g. "string".' },
        format: { type: 'string', description: 'The format the satisfying property must declare, e.g. "uuid".' },
        pathPattern: {
          type: 'string',
          format: 'regex',
          description: 'Only operations whose path matches this regular expression, e.g. /token/?$.',
        },
        tokenEndpoints: {
          type: 'boolean',
          default: false,
          description: "Also judge operations at the path of an OAuth2 tokenUrl of the document's security schemes.",
        },
        namesLabel: {
          type: 'string',
          description: 'How the accepted names read in messages, e.g. "an id or uuid, or a name ending in _id or Id".',
        },
        requireBody: {
          type: 'boolean',
          default: false,
          description: 'Report a response of these codes that has no body at all (when false, it is not judged).',
        },
      },
    },
  },
  function responseProperty(root, options, context) {
    const refs = refFollower(context);
    const oas2 = isOas2(root);
    const pattern = options.namePattern === undefined ? undefined : new RegExp(options.namePattern);
    const nameFits = (name: string) => (options.names ?? []).includes(name) || (pattern?.test(name) ?? false);
    const wanted = {
      names: options.names ?? [],
      namePattern: pattern?.source ?? '',
      namesLabel: options.namesLabel ?? '',
      type: options.type ?? '',
      format: options.format ?? '',
    };
    const results: IFunctionResult[] = [];
    const pathPattern = options.pathPattern === undefined ? undefined : new RegExp(options.pathPattern);
    const tokenPaths = options.tokenEndpoints === true ? oauth2TokenPaths(root) : undefined;
    const selected = (pathKey: string) =>
      (pathPattern === undefined && tokenPaths === undefined) ||
      (pathPattern?.test(pathKey) ?? false) ||
      (tokenPaths?.some((p) => {
        const key = pathKey.replace(/\/+$/, '');
        return key !== '' && (key.endsWith(p) || p.endsWith(key));
      }) ??
        false);
    for (const entry of operations(root)) {
      if (options.methods !== undefined && !options.methods.includes(entry.method)) continue;
      if (!selected(entry.pathKey)) continue;
      for (const { code, response, path, viaRef } of operationResponses(entry, refs)) {
        if (!matchesAny(code, options.codes)) continue;
        // A path parameter (`customerId` in /customers/{customerId}/addresses) is the parent's id, not the new resource's.
        const parentIds = new Set(
          pathSegments(entry.pathKey)
            .filter((s) => s.kind === 'parameter')
            .map((s) => s.text.replace(/[{}]/g, '')),
        );
        const schemas = [...responseSchemas(response, path, oas2, refs)];
        const asked = { method: entry.method, path: entry.pathKey, code, ...wanted };
        if (schemas.length === 0 && options.requireBody === true) {
          results.push(
            RESPONSE_PROPERTY_MESSAGES.report(context, [...context.path, ...(viaRef ? [...path, '$ref'] : path)], 'noBody', asked),
          );
          continue;
        }
        for (const { schema, path: schemaPath } of schemas) {
          const items = itemsOf(schema, refs);
          const subject = items === undefined ? schema : items;
          // `uuid4` refines `uuid`: a format counts when it starts with the one asked for.
          // Read however the property is written: `anyOf: [uuid, null]`, `allOf: [SessionId]`, a oneOf of uuids.
          const fits = (definition: unknown): boolean => {
            if (!isObject(refs.value(definition)))
              return definition !== undefined && options.type === undefined && options.format === undefined;
            return everyBranch(definition, refs, (branch) => {
              const view = effectiveSchema(branch, refs);
              return (
                (options.type === undefined || view.types.has(options.type)) &&
                (options.format === undefined || (view.format?.startsWith(options.format) ?? false))
              );
            });
          };
          const listedResources = (item: unknown): boolean =>
            everyBranch(item, refs, (branch) =>
              [...propertyDefinitions(branch, refs)].some(
                ([name, definitions]) => nameFits(name) && !parentIds.has(name) && definitions.some(fits),
              ),
            );
          const exposes = (variant: unknown): { ok: boolean; found: string[] } => {
            // The created resource may come wrapped (`{order: {id}}`): one level of nesting counts.
            const ownProperties = propertyDefinitions(variant, refs);
            const wrapped = [...ownProperties.values()].flat().flatMap((definition) => [...propertyDefinitions(definition, refs)]);
            const candidates = [...ownProperties, ...wrapped].filter(([name]) => nameFits(name) && !parentIds.has(name));
            const ok =
              candidates.some(([, definitions]) => definitions.some(fits)) ||
              // A list of the new identifiers (`[uuid]`, `{items: [uuid]}`) exposes them too.
              (options.format !== undefined &&
                (fits(variant) ||
                  [...ownProperties.values()].flat().some((d) => {
                    // A list of the new identifiers, or of the new resources (`{size, items: [{id}]}`).
                    const listed = itemsOf(d, refs);
                    return listed !== undefined && (fits(listed) || listedResources(listed));
                  })));
            return { ok, found: candidates.map(([name]) => name) };
          };
          // Alternatives (`oneOf`/`anyOf`) each stand for the body: every one of them must expose it.
          const own = exposes(subject);
          if (own.ok || everyBranch(subject, refs, (variant) => variant !== subject && exposes(variant).ok)) continue;
          const candidates = own.found;
          const where = viaRef
            ? [...path, '$ref']
            : isObject(schema) && typeof schema['$ref'] === 'string'
              ? [...schemaPath, '$ref']
              : schemaPath; // a wrapper (`allOf: [Created]`) is where the body's schema is given
          results.push(
            RESPONSE_PROPERTY_MESSAGES.report(context, [...context.path, ...where], 'notExposed', {
              ...asked,
              eachItem: items !== undefined,
              found: candidates,
            }),
          );
        }
      }
    }
    return results;
  },
);
