// YAML reads an unquoted `200:` as the number 200, `true:` as a boolean, `~:` as null. OpenAPI
// wants string keys, yet such documents are common and their meaning is plain: the key as written.
// Here such a key is read as the text written, and a warning whose fix quotes it is recorded; the
// document is linted like any other. The YAML parser only reports such keys: it neither keeps
// their written form (`1.0:` becomes "1") nor tells them apart by anything but prose.
import { getOrder } from '@stoplight/ordered-object-literal';
import { determineScalarType, Kind, parseYamlBigInteger, parseYamlBoolean, parseYamlFloat, ScalarType } from '@stoplight/yaml-ast-parser';
import type { YAMLNode, YAMLScalar, YAMLSequence, YamlMap } from '@stoplight/yaml-ast-parser';
import type { IParserResult, IRange, JsonPath } from '@stoplight/types';
import { DiagnosticSeverity } from '@stoplight/types';
import type { FindingData } from '../engine/findingData.js';
import type { Messages, MessageTemplates } from '../engine/messages.js';
import type { Finding } from '../results/types.js';

/** The function name the fixes know these findings by, and their messages. */
export const YAML_KEYS_FUNCTION = 'yamlKeys';

export interface NonStringKeyParams {
  [name: string]: string;
  /** The key as written (`200`). */
  key: string;
  /** What YAML reads it as: `number`, `boolean` or `null`. */
  type: string;
}

type YamlKeyShapes = { nonStringKey: NonStringKeyParams; complexKey: Record<string, never> };

const TEMPLATES: MessageTemplates<YamlKeyShapes> = {
  nonStringKey: ({ key, type }: NonStringKeyParams): string =>
    `The key ${key} is a ${type} in YAML, not a string (it is linted as the string "${key}"); write it quoted: '${key}'.`,
  complexKey: (): string => 'A mapping key that is a list or a mapping is not read (OpenAPI keys are strings); write a string key.',
};

/** The parser's messages about keys, under a function name as a rule function's are, so that fixes key on them alike. */
export const YAML_KEY_MESSAGES: Pick<Messages<YamlKeyShapes>, 'functionName' | 'templates'> = {
  functionName: YAML_KEYS_FUNCTION,
  templates: TEMPLATES,
};

/** The code of parser diagnostics about keys, which the parser gives both non-string and complex keys. */
const INCOMPATIBLE_VALUE = 'YAMLIncompatibleValue';

interface KeyProblem {
  path: JsonPath;
  range: IRange;
  data: FindingData;
  message: string;
}

const PROBLEMS = new WeakMap<object, KeyProblem[]>();

function typeName(type: ScalarType): string {
  return type === ScalarType.null ? 'null' : type === ScalarType.bool ? 'boolean' : 'number';
}

/** The key the parser stored (its `String(value)`), as `@stoplight/yaml` computes it. */
function storedKey(key: YAMLScalar, type: ScalarType): string {
  if (type === ScalarType.null) return 'null';
  if (type === ScalarType.bool) return String(parseYamlBoolean(key.value));
  if (type === ScalarType.int) return String(parseYamlBigInteger(key.value));
  return String(parseYamlFloat(key.value));
}

function positionAt(lineMap: readonly number[], offset: number): IRange['start'] {
  let line = 0;
  while (line < lineMap.length && lineMap[line]! <= offset) line++;
  return { line, character: line === 0 ? offset : offset - lineMap[line - 1]! };
}

function renameKey(container: Record<string, unknown>, from: string, to: string): void {
  if (from === to || !Object.hasOwn(container, from) || Object.hasOwn(container, to)) return;
  // The parser's objects keep their key order (deleting and setting a key update it): the renamed key keeps its place.
  const order: unknown = getOrder(container);
  const at = Array.isArray(order) ? order.indexOf(from) : -1;
  const value = container[from];
  delete container[from];
  container[to] = value;
  if (!Array.isArray(order) || at === -1) return;
  const now = order.lastIndexOf(to);
  if (now !== -1 && now !== at) {
    order.splice(now, 1);
    order.splice(at, 0, to);
  }
}

/**
 * Reads every non-string key of a parsed YAML document as written, in place, and replaces the
 * parser's diagnostics about keys with problems `keyProblems` gives back.
 */
export function readKeysAsWritten(result: IParserResult<unknown>): void {
  const diagnostics = result.diagnostics;
  if (!diagnostics.some((d) => d.code === INCOMPATIBLE_VALUE)) return;
  result.diagnostics = diagnostics.filter((d) => d.code !== INCOMPATIBLE_VALUE);
  const lineMap = (result as { lineMap?: number[] }).lineMap ?? [];
  const rangeOf = (node: YAMLNode): IRange => ({
    start: positionAt(lineMap, node.startPosition),
    end: positionAt(lineMap, node.endPosition),
  });
  const problems: KeyProblem[] = [];
  const seen = new Set<YAMLNode>();
  const walk = (node: YAMLNode | null | undefined, data: unknown, path: JsonPath): void => {
    if (node == null || seen.has(node)) return;
    seen.add(node);
    if (node.kind === Kind.SEQ && Array.isArray(data)) {
      for (const [index, item] of (node as YAMLSequence).items.entries()) walk(item, data[index], [...path, index]);
      return;
    }
    if (node.kind !== Kind.MAP || typeof data !== 'object' || data === null) return;
    const container = data as Record<string, unknown>;
    const mappings = (node as YamlMap).mappings;
    // `1.0:` beside `'1':` is a duplicate to the parser; the string key keeps the value it was given.
    const stringKeys = new Set(
      mappings.flatMap((m) =>
        m.key?.kind === Kind.SCALAR && determineScalarType(m.key as YAMLScalar) === ScalarType.string ? [String(m.key.value)] : [],
      ),
    );
    for (const mapping of mappings) {
      const key = mapping.key;
      if (key == null) continue;
      if (key.kind !== Kind.SCALAR) {
        problems.push({
          path,
          range: rangeOf(key),
          message: TEMPLATES.complexKey({}),
          data: { function: YAML_KEYS_FUNCTION, messageId: 'complexKey', params: {} },
        });
        continue;
      }
      const type = determineScalarType(key);
      let name = key.value;
      if (type !== ScalarType.string) {
        const stored = storedKey(key, type);
        if (!stringKeys.has(stored)) renameKey(container, stored, key.value);
        const params: NonStringKeyParams = { key: key.value, type: typeName(type) };
        problems.push({
          path: [...path, key.value],
          range: rangeOf(key),
          message: TEMPLATES.nonStringKey(params),
          data: { function: YAML_KEYS_FUNCTION, messageId: 'nonStringKey', params },
        });
      } else {
        name = String(key.value);
      }
      if (name !== '<<') walk(mapping.value, container[name], [...path, name]);
    }
  };
  walk(result.ast as YAMLNode, result.data, []);
  if (typeof result.data === 'object' && result.data !== null) PROBLEMS.set(result.data, problems);
}

/** The key problems of a document's data, as warnings: the document is linted all the same. */
export function keyProblems(data: unknown, source: string): Finding[] {
  const problems = typeof data === 'object' && data !== null ? PROBLEMS.get(data) : undefined;
  return (problems ?? []).map((problem) => ({
    code: 'parser',
    message: problem.message,
    path: [...problem.path],
    severity: DiagnosticSeverity.Warning,
    range: problem.range,
    source,
    data: problem.data,
  }));
}
