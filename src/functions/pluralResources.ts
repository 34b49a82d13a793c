import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isCollectionGet, isCreatingPost } from '../oas/collections.js';
import { operations, pathKeys } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { isPluralNoun, pluralOf } from '../oas/nouns.js';
import { pathSegments } from '../oas/paths.js';
import { UNCOUNTABLE_NOUNS } from '../oas/vocabulary.js';
import type { PathSegment } from '../oas/paths.js';
import { refFollower } from '../oas/refs.js';
import { defineMessages } from '../core/engine/messages.js';

export const PLURAL_RESOURCES_MESSAGES = defineMessages<{ notPlural: { segment: string; plural: string } }>(
  'pluralResources',
  {
    notPlural: ({ segment, plural }) => `Resource segment "${segment}" is not a plural noun: name collections in the plural ("${plural}").`,
  },
  { notPlural: 'segment' },
);

export interface PluralResourcesOptions {
  uncountable: string[];
  listProperties: string[];
}

/**
 * Reports resource segments that are not plural nouns: a static segment followed by a path
 * parameter, and the last segment of a path that serves a collection (a collection GET, or a
 * POST that creates). Singletons such as `/customers/{id}/address` are left alone.
 */
export default defineRulesetFunction<unknown, PluralResourcesOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        uncountable: {
          type: 'array',
          items: { type: 'string' },
          default: UNCOUNTABLE_NOUNS,
          description: 'Lower-case nouns that have no plural and pass as they are.',
        },
        listProperties: {
          type: 'array',
          items: { type: 'string' },
          default: ['data'],
          description: 'Envelope properties that hold the list in a collection response.',
        },
      },
    },
  },
  function pluralResources(root, options, context) {
    if (!isObject(root) || !isObject(root['paths'])) return [];
    const uncountable = new Set((options?.uncountable ?? UNCOUNTABLE_NOUNS).map((word) => word.toLowerCase()));
    const listProperties = options?.listProperties ?? ['data'];
    const refs = refFollower(context);

    const collectionPaths = new Set<string>();
    for (const entry of operations(root)) {
      if (isCollectionGet(root, entry, refs, listProperties) || isCreatingPost(entry, refs)) collectionPaths.add(entry.pathKey);
    }

    const results: IFunctionResult[] = [];
    for (const pathKey of pathKeys(root['paths'])) {
      const segments = pathSegments(pathKey);
      const resources: PathSegment[] = segments.filter(
        (segment, i) =>
          segment.kind === 'static' &&
          (segments[i + 1]?.kind === 'parameter' || (i === segments.length - 1 && collectionPaths.has(pathKey))),
      );
      for (const segment of resources) {
        if (isPluralNoun(segment.text, uncountable)) continue;
        results.push(
          PLURAL_RESOURCES_MESSAGES.report(context, [...context.path, 'paths', pathKey], 'notPlural', {
            segment: segment.text,
            plural: pluralOf(segment.text),
          }),
        );
      }
    }
    return results;
  },
);
