/**
 * A problem with how apistyle was asked to run (usage, config, ruleset): reported as one line,
 * exit code 2. Anything else that escapes is a bug and is reported as such.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The first line of an error's message, without the "Error:" noise nested causes add. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(/\r?\n/).find((line) => line.trim() !== '') ?? message).replace(/^(?:\w*Error:\s*)+/, '').trim();
}
