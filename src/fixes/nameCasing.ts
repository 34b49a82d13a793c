import { isMap, isScalar, isSeq } from 'yaml';
import type { JsonPath } from '@stoplight/types';
import type { NAME_CASING_MESSAGES } from '../functions/nameCasing.js';
import type { SourceDocument } from './source.js';
import type { ParamsOf } from '../core/engine/messages.js';
import type { FixProvider, TextEdit } from './types.js';

type Rename = ParamsOf<typeof NAME_CASING_MESSAGES>['rename'];

/** `*` steps into every item of a list; any other step into the entry of that name. */
type Step = string;

interface ExampleSite {
  node: unknown;
  /** From the example down to the object that has the renamed property. */
  steps: Step[];
}

function examplesOf(document: SourceDocument, containerPath: JsonPath, steps: Step[], mediaExamples: boolean): ExampleSite[] {
  const container = document.map(containerPath);
  if (container === undefined) return [];
  const sites: ExampleSite[] = [];
  const example = document.pair(container, 'example')?.value;
  if (example != null) sites.push({ node: example, steps });
  const examples = document.pair(container, 'examples')?.value;
  // A schema's `examples` (3.1) is a list of values; a media type's or parameter's, a map of Example objects.
  if (!mediaExamples && isSeq(examples)) for (const item of examples.items) sites.push({ node: item, steps });
  if (mediaExamples && isMap(examples)) {
    for (const entry of examples.items) {
      if (isMap(entry.value)) {
        const value = document.pair(entry.value, 'value')?.value;
        if (value != null) sites.push({ node: value, steps });
      }
    }
  }
  return sites;
}

/**
 * The examples that show a property of the schema at `schemaPath`: the schema's own, its
 * enclosing schemas' (down the property names that lead to it), and those of the media types
 * and parameters that use it, inline or by `$ref` to a component.
 */
function exampleSites(document: SourceDocument, schemaPath: JsonPath): ExampleSite[] {
  const sites: ExampleSite[] = [];
  let path = schemaPath;
  let steps: Step[] = [];
  for (let depth = 0; depth < 64; depth++) {
    sites.push(...examplesOf(document, path, steps, false));
    const last = path[path.length - 1];
    const beforeLast = path[path.length - 2];
    if (beforeLast === 'properties' && path.length >= 3) {
      steps = [String(last), ...steps];
      path = path.slice(0, -2);
    } else if (last === 'items') {
      steps = ['*', ...steps];
      path = path.slice(0, -1);
    } else if (typeof last === 'number' && (beforeLast === 'allOf' || beforeLast === 'anyOf' || beforeLast === 'oneOf')) {
      path = path.slice(0, -2);
    } else if (last === 'schema') {
      sites.push(...examplesOf(document, path.slice(0, -1), steps, true));
      break;
    } else {
      const pointer =
        path.length === 3 && path[0] === 'components' && path[1] === 'schemas'
          ? `#/components/schemas/${String(path[2])}`
          : path.length === 2 && path[0] === 'definitions'
            ? `#/definitions/${String(path[1])}`
            : undefined;
      if (pointer === undefined) break;
      for (const { path: usedAt } of document.maps()) {
        const schema = document.map([...usedAt, 'schema']);
        if (schema !== undefined && document.scalarValue(schema, '$ref') === pointer)
          sites.push(...examplesOf(document, usedAt, steps, true));
      }
      break;
    }
  }
  return sites;
}

function renameInExample(
  document: SourceDocument,
  node: unknown,
  steps: readonly Step[],
  from: string,
  to: string,
  edits: TextEdit[],
): void {
  if (steps.length === 0) {
    if (!isMap(node)) return;
    const pair = document.pair(node, from);
    if (pair === undefined || document.pair(node, to) !== undefined) return;
    const edit = document.replaceScalar(pair.key, to);
    if (edit !== undefined) edits.push(edit);
    return;
  }
  const [step, ...rest] = steps;
  if (step === '*') {
    if (isSeq(node)) for (const item of node.items) renameInExample(document, item, rest, from, to, edits);
  } else if (isMap(node)) {
    renameInExample(document, document.pair(node, step!)?.value, rest, from, to, edits);
  }
}

/**
 * A property or parameter name written in the wrong casing is renamed to the spelling the
 * finding suggests; a property's `required` entries and the examples that show it follow.
 */
export const renameToCasing: FixProvider<Rename> = (document, finding, { suggestion: wanted }) => {
  const { path } = finding;
  const last = path[path.length - 1];
  if (last === 'name') {
    const node = document.node(path);
    if (!isScalar(node) || typeof node.value !== 'string') return undefined;
    const edit = document.replaceScalar(node, wanted);
    return edit === undefined ? undefined : { title: `Rename "${node.value}" to "${wanted}"`, edits: [edit] };
  }
  if (path[path.length - 2] !== 'properties') return undefined;
  const name = String(last);
  const properties = document.map(path.slice(0, -1));
  const pair = properties === undefined ? undefined : document.pair(properties, name);
  if (properties === undefined || pair === undefined || document.pair(properties, wanted) !== undefined) return undefined;
  const renamed = document.replaceScalar(pair.key, wanted);
  if (renamed === undefined) return undefined;
  const edits: TextEdit[] = [renamed];
  const schemaPath = path.slice(0, -2);
  const required = document.node([...schemaPath, 'required']);
  if (isSeq(required)) {
    for (const item of required.items) {
      if (!isScalar(item) || item.value !== name) continue;
      const edit = document.replaceScalar(item, wanted);
      if (edit !== undefined) edits.push(edit);
    }
  }
  for (const site of exampleSites(document, schemaPath)) renameInExample(document, site.node, site.steps, name, wanted, edits);
  return { title: `Rename "${name}" to "${wanted}" (with its required entries and examples)`, edits };
};
