import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Writes a report atomically: a failed run never leaves a truncated file behind. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await writeChunksAtomic(path, [content]);
}

/** Writes a report given in chunks (text, or bytes as a cache stored them) atomically. */
export async function writeChunksAtomic(path: string, chunks: ReadonlyArray<string | Uint8Array>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, chunks);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Colours on a terminal only; `--color`/`--no-color` decide first, then NO_COLOR and FORCE_COLOR. */
export function useColor(flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const noColor = process.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return process.stdout.isTTY === true;
}

/** yargs drops a lone "-" argument, so it is carried through parsing under this name. */
export const STDIN_TOKEN = '\u0000stdin';

export function protectStdinArgument(argv: readonly string[]): string[] {
  return argv.map((arg) => (arg === '-' ? STDIN_TOKEN : arg));
}

export function restoreStdinArgument(args: readonly string[]): string[] {
  return args.map((arg) => (arg === STDIN_TOKEN ? '-' : arg));
}
