/** A replacement of `text.slice(start, end)` by `newText`; offsets in UTF-16 code units, as LSP counts them. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}
