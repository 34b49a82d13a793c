import { defineRulesetFunction } from '../core/engine/rulesetFunction.js';
import type { IFunctionResult } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { isOas2, pathKeys } from '../oas/document.js';
import { isObject } from '../oas/json.js';
import { VERSION_LIKE } from '../oas/paths.js';
import { serverUrls, urlPath } from '../oas/servers.js';
import { defineMessages } from '../core/engine/messages.js';

export const VERSION_SEGMENT_FORMAT_MESSAGES = defineMessages<{
  capitalV: { segment: string; wanted: string };
  notMajorOnly: { segment: string; wanted: string };
}>(
  'versionSegmentFormat',
  {
    capitalV: ({ segment, wanted }) => `Version segment "${segment}" is written with a capital V: write "${wanted}".`,
    notMajorOnly: ({ segment, wanted }) => `Version segment "${segment}" must carry the major version only: write "${wanted}".`,
  },
  { capitalV: 'segment', notMajorOnly: 'segment' },
);

export interface VersionSegmentFormatOptions {
  /** The regular expression a version segment must match. */
  pattern: string;
}

/** Reports version segments (in server URLs, 2.0 basePath and paths) written otherwise than the standard wants: `v1.0`, `version2`. */
export default defineRulesetFunction<unknown, VersionSegmentFormatOptions | null>(
  {
    input: null,
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        pattern: {
          type: 'string',
          format: 'regex',
          default: '^v\\d+$',
          description: 'The regular expression a version segment must match; the default allows the major version only.',
        },
      },
    },
  },
  function versionSegmentFormat(root, options, context) {
    if (!isObject(root)) return [];
    const pattern = new RegExp(options?.pattern ?? '^v\\d+$');
    const places: Array<{ path: string; at: JsonPath }> = [];
    if (isOas2(root)) {
      if (typeof root['basePath'] === 'string') places.push({ path: root['basePath'], at: ['basePath'] });
    } else {
      for (const server of serverUrls(root)) places.push({ path: urlPath(server.url), at: server.path });
    }
    for (const key of pathKeys(root['paths'])) places.push({ path: key, at: ['paths', key] });
    const results: IFunctionResult[] = [];
    for (const { path, at } of places) {
      for (const segment of path.split('/')) {
        if (!VERSION_LIKE.test(segment) || pattern.test(segment)) continue;
        const major = /\d+/.exec(segment)?.[0];
        const wanted = `v${major ?? ''}`;
        const id = /^v\d+$/i.test(segment) ? 'capitalV' : 'notMajorOnly';
        results.push(VERSION_SEGMENT_FORMAT_MESSAGES.report(context, [...context.path, ...at], id, { segment, wanted }));
      }
    }
    return results;
  },
);
