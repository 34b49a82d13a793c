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

/** Why a file could not be read, in the words every message uses: "no such file", "permission denied", … */
export function describeReadError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Why a file could not be written: the system's error code (ENOENT, EACCES, …), which users search for. */
export function describeWriteError(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}
