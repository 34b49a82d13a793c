import type { IRange } from '@stoplight/types';

/**
 * Lines shown before and after the line a finding starts on. A finding on a whole schema shows its
 * start only: more lines made GitHub's description's report several megabytes larger for little.
 */
export const CONTEXT_LINES = 2;
/** Longer lines are cut: a minified document would otherwise put all of itself in every frame. */
export const MAX_LINE_LENGTH = 240;

/** The 0-based lines a finding's code frame shows. The page's script takes the same window from the lines it is given. */
export function frameWindow(range: IRange, lineCount: number): { first: number; last: number } {
  const start = range.start.line;
  return { first: Math.max(0, start - CONTEXT_LINES), last: Math.min(lineCount - 1, start + CONTEXT_LINES) };
}

export function cutLine(line: string): string {
  return line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}…` : line;
}

/** For a finding on a line too long to show whole: the part of the line around its column. */
export function excerptAround(line: string, column: number): string | undefined {
  if (line.length <= MAX_LINE_LENGTH) return undefined;
  const from = Math.max(0, column - MAX_LINE_LENGTH / 3);
  const to = Math.min(line.length, from + MAX_LINE_LENGTH);
  return `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
}

/**
 * Collects the lines of one document that code frames need, each once, however many findings
 * share it: the report embeds these instead of the whole document.
 */
export class FrameLines {
  private readonly kept: Record<string, string> = {};

  constructor(private readonly lines: readonly string[]) {}

  /** Keeps the lines of a finding's frame; returns the excerpt of its line when that line is too long. */
  keep(range: IRange): string | undefined {
    const { first, last } = frameWindow(range, this.lines.length);
    for (let line = first; line <= last; line++) {
      const key = String(line + 1);
      if (!(key in this.kept)) this.kept[key] = cutLine(this.lines[line] ?? '');
    }
    const line = this.lines[range.start.line];
    return line === undefined ? undefined : excerptAround(line, range.start.character);
  }

  /** 1-based line number → text. */
  collected(): Record<string, string> {
    return this.kept;
  }
}

export function splitLines(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/\r\n|\r|\n/);
}
