import type { JsonPath } from '@stoplight/types';
import { HTTP_METHODS } from './document.js';
import { isObject } from './json.js';
import type { JsonObject } from './json.js';

export interface ServerUrl {
  /** The URL with server variables replaced by their defaults. */
  url: string;
  /** Absolute JSON path of the `url` value (3.x) or of the field that carries it (2.0). */
  path: JsonPath;
  /** Declared at the document's top level (as opposed to a path item or operation). */
  topLevel: boolean;
}

function substituted(server: JsonObject): string | undefined {
  const url = server['url'];
  if (typeof url !== 'string') return undefined;
  const variables = isObject(server['variables']) ? server['variables'] : {};
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable['default'] === 'string' ? variable['default'] : whole;
  });
}

function* serversAt(list: unknown, path: JsonPath, topLevel: boolean): Generator<ServerUrl> {
  if (!Array.isArray(list)) return;
  for (const [i, server] of list.entries()) {
    if (!isObject(server)) continue;
    const url = substituted(server);
    if (url !== undefined) yield { url, path: [...path, i, 'url'], topLevel };
  }
}

/** Every 3.x server URL: top level, path items and operations. */
export function* serverUrls(root: unknown): Generator<ServerUrl> {
  if (!isObject(root)) return;
  yield* serversAt(root['servers'], ['servers'], true);
  if (!isObject(root['paths'])) return;
  for (const [pathKey, item] of Object.entries(root['paths'])) {
    if (!isObject(item)) continue;
    yield* serversAt(item['servers'], ['paths', pathKey, 'servers'], false);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) yield* serversAt(operation['servers'], ['paths', pathKey, method, 'servers'], false);
    }
  }
}

/** The scheme of an absolute URL (`https`), or undefined for a relative one. */
export function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
}

/** The path part of a server URL, absolute or relative (`https://h/api/v1` → `/api/v1`). */
export function urlPath(url: string): string {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return withoutScheme.split(/[?#]/, 1)[0] ?? '';
}
