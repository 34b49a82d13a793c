// A rule function's messages: each has an id, and its text is built from parameters that travel
// with the finding (src/core/engine/findingData.ts), so fixes and tools read data, never prose.
import type { IFunctionResult, RulesetFunctionContext } from '@stoplight/spectral-core';
import type { JsonPath } from '@stoplight/types';
import { recordFindingData } from './findingData.js';
import type { MessageParams } from './findingData.js';

/** Message ids mapped to the parameters each message is built from. */
export type MessageShapes = Record<string, MessageParams>;

export type MessageTemplates<Shapes extends MessageShapes> = { readonly [Id in keyof Shapes]: (params: Shapes[Id]) => string };

export interface Messages<Shapes extends MessageShapes> {
  /** The function these messages belong to. */
  readonly functionName: string;
  readonly templates: MessageTemplates<Shapes>;
  /** A result at `path` with the message `id` built from `params`, its data recorded beside the document. */
  report<Id extends keyof Shapes & string>(context: RulesetFunctionContext, path: JsonPath, id: Id, params: Shapes[Id]): IFunctionResult;
}

/** Spectral's rules carry their name, though its `IRule` type leaves it out. */
function ruleName(context: RulesetFunctionContext): string {
  const { rule } = context;
  return 'name' in rule && typeof rule.name === 'string' ? rule.name : '';
}

/**
 * For the messages about a name, the parameter that holds the name as written (`rename: 'name'`):
 * such a finding points at the name itself, not at what the named node holds.
 */
export type NamedBy<Shapes extends MessageShapes> = { readonly [Id in keyof Shapes]?: keyof Shapes[Id] & string };

/** The messages of the rule function `functionName` (its file name in src/functions). */
export function defineMessages<Shapes extends MessageShapes>(
  functionName: string,
  templates: MessageTemplates<Shapes>,
  namedBy: NamedBy<Shapes> = {},
): Messages<Shapes> {
  return {
    functionName,
    templates,
    report(context, path, id, params) {
      const message = templates[id](params);
      const nameParam = namedBy[id];
      const name = nameParam === undefined ? undefined : params[nameParam];
      recordFindingData(context.document, ruleName(context), path, message, {
        function: functionName,
        messageId: id,
        params,
        ...(typeof name === 'string' ? { name } : {}),
      });
      return { message, path };
    },
  };
}

/** The parameters of each message of a `defineMessages` table: `ParamsOf<typeof X_MESSAGES>['rename']`. */
export type ParamsOf<M> = M extends Messages<infer Shapes> ? Shapes : never;
