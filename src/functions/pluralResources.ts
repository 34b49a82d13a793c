import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import pluralize from 'pluralize';
import { isCollectionGet, isCreatingPost } from '../oas/collections.js';
import { operations } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { pathSegments, segmentWords } from '../oas/paths.js';
import type { PathSegment } from '../oas/paths.js';
import { refFollower } from '../oas/refs.js';

export interface PluralResourcesOptions {
  uncountable: string[];
  listProperties: string[];
}

export const DEFAULT_UNCOUNTABLE = ['status', 'news', 'data', 'metadata', 'information', 'equipment', 'settings'];

function isPluralNoun(segment: string, uncountable: ReadonlySet<string>): boolean {
  const words = segmentWords(segment);
  const last = words[words.length - 1];
  return last === undefined || uncountable.has(last) || pluralize.isPlural(last);
}

/** The segment with its last word made plural, keeping the rest as written: `device-request` → `device-requests`. */
function pluralOf(segment: string): string {
  const words = segmentWords(segment);
  const last = words[words.length - 1];
  if (last === undefined || !segment.toLowerCase().endsWith(last)) return pluralize.plural(segment);
  return segment.slice(0, segment.length - last.length) + pluralize.plural(segment.slice(segment.length - last.length));
}

/**
 * Reports resource segments that are not plural nouns: a static segment followed by a path
 * parameter, and the last segment of a path that serves a collection (a collection GET, or a
 * POST that creates). Singletons such as `/customers/{id}/address` are left alone.
 */
export default createRulesetFunction<unknown, PluralResourcesOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        uncountable: {
          type: 'array',
          items: { type: 'string' },
          description: 'Lower-case nouns that have no plural and pass as they are (default: status, news, data, metadata, information, equipment, settings).',
        },
        listProperties: {
          type: 'array',
          items: { type: 'string' },
          description: 'Envelope properties that hold the list in a collection response (default: data).',
        },
      },
    },
  },
  function pluralResources(root, options, context) {
    if (!isObject(root) || !isObject(root['paths'])) return [];
    const uncountable = new Set((options?.uncountable ?? DEFAULT_UNCOUNTABLE).map((word) => word.toLowerCase()));
    const listProperties = options?.listProperties ?? ['data'];
    const refs = refFollower(context);

    const collectionPaths = new Set<string>();
    for (const entry of operations(root)) {
      if (isCollectionGet(root, entry, refs, listProperties) || isCreatingPost(entry, refs)) collectionPaths.add(entry.pathKey);
    }

    const results: IFunctionResult[] = [];
    for (const pathKey of Object.keys(root['paths'])) {
      const segments = pathSegments(pathKey);
      const resources: PathSegment[] = segments.filter(
        (segment, i) =>
          segment.kind === 'static' &&
          (segments[i + 1]?.kind === 'parameter' || (i === segments.length - 1 && collectionPaths.has(pathKey))),
      );
      for (const segment of resources) {
        if (isPluralNoun(segment.text, uncountable)) continue;
        results.push({
          message: `Resource segment "${segment.text}" is not a plural noun: name collections in the plural ("${pluralOf(segment.text)}").`,
          path: [...context.path, 'paths', pathKey],
        });
      }
    }
    return results;
  },
);
