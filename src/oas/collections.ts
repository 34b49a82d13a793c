import { isOas2 } from './document.js';
import type { OperationEntry } from './document.js';
import { isObject } from './json.js';
import type { JsonObject } from './json.js';
import { isJsonMediaType } from './mediaTypes.js';
import type { RefFollower } from './refs.js';
import { effectiveSchema, everyBranch } from './effectiveSchema.js';
import { hasType } from './schemas.js';
import { responseEntries } from './status.js';

/** The schema of an operation's first success (2xx) response body, JSON preferred, `$ref`s followed. */
export function successBodySchema(root: unknown, entry: OperationEntry, refs: RefFollower): unknown {
  const responses = refs.value(entry.operation['responses']);
  if (!isObject(responses)) return undefined;
  const code = responseEntries(responses)
    .map(([key]) => key)
    .filter((key) => /^2(?:\d\d|XX)$/i.test(key))
    .sort()[0];
  if (code === undefined) return undefined;
  const response = refs.value(responses[code]);
  if (!isObject(response)) return undefined;
  if (isOas2(root)) return response['schema'];
  const content = response['content'];
  if (!isObject(content)) return undefined;
  const mediaTypes = Object.keys(content);
  const chosen = mediaTypes.find((type) => isJsonMediaType(type, { plusJson: true })) ?? mediaTypes[0];
  const media = chosen === undefined ? undefined : refs.value(content[chosen]);
  return isObject(media) ? media['schema'] : undefined;
}

/**
 * Every schema a property is given by an object schema, however the schema is written (see
 * `effectiveSchema`): `allOf` parts all apply, so a `data` refined by a later part is still the
 * array an earlier one declares.
 */
export function propertyDefinitions(schema: unknown, refs: RefFollower): Map<string, unknown[]> {
  return effectiveSchema(schema, refs).properties;
}

function isArraySchema(schema: unknown, refs: RefFollower): boolean {
  return hasType(schema, 'array', refs);
}

/**
 * A "collection GET" as RULES.md defines it: a GET whose success body is an array, or an object
 * whose list property (the standard's envelope, e.g. `data`) is an array.
 */
export function isCollectionGet(root: unknown, entry: OperationEntry, refs: RefFollower, listProperties: readonly string[]): boolean {
  if (entry.method !== 'get') return false;
  const schema = successBodySchema(root, entry, refs);
  if (schema === undefined) return false;
  // Every alternative of the body must be a list (or hold one) for the GET to return a collection.
  return everyBranch(schema, refs, (body) => {
    if (isArraySchema(body, refs)) return true;
    const properties = propertyDefinitions(body, refs);
    return listProperties.some((name) => (properties.get(name) ?? []).some((definition) => isArraySchema(definition, refs)));
  });
}

/** A POST that documents 201 Created. */
export function isCreatingPost(entry: OperationEntry, refs: RefFollower): boolean {
  if (entry.method !== 'post') return false;
  const responses = refs.value(entry.operation['responses']);
  return isObject(responses) && '201' in (responses as JsonObject);
}
