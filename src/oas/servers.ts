import type { JsonPath } from '@stoplight/types';
import { HTTP_METHODS, pathEntries } from './document.js';
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

function* itemServers(item: unknown, base: JsonPath): Generator<ServerUrl> {
  if (!isObject(item)) return;
  yield* serversAt(item['servers'], [...base, 'servers'], false);
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (isObject(operation)) yield* serversAt(operation['servers'], [...base, method, 'servers'], false);
  }
}

/** Every 3.x server URL: top level, path items (those under 3.1 `components/pathItems` once, where defined) and operations. */
export function* serverUrls(root: unknown): Generator<ServerUrl> {
  if (!isObject(root)) return;
  yield* serversAt(root['servers'], ['servers'], true);
  for (const [pathKey, item] of pathEntries(root['paths'])) yield* itemServers(item, ['paths', pathKey]);
  const pathItems = isObject(root['components']) ? root['components']['pathItems'] : undefined;
  if (isObject(pathItems))
    for (const [name, item] of Object.entries(pathItems)) yield* itemServers(item, ['components', 'pathItems', name]);
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
