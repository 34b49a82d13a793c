import { parseDocument } from 'yaml';

/**
 * The data of a small YAML file a user writes (the config, the ignore file), or its first syntax
 * error as one line: "line N: message". Duplicate keys are errors: in such a file they are mistakes.
 */
export function parseUserYaml(text: string): { data: unknown } | { error: string } {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const line = firstError.linePos?.[0]?.line;
    return {
      error: `${line !== undefined ? `line ${line}: ` : ''}${firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    };
  }
  return { data: document.toJS() ?? {} };
}
