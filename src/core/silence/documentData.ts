import { isAbsolute } from 'node:path';
import { parseDocument, readText } from '../parse/document.js';

/**
 * The text and parsed data of the files findings are in, each read and parsed at most once.
 * Documents linted from memory (standard input) are given by their text.
 */
export class DocumentData {
  readonly #texts: ReadonlyMap<string, string>;
  readonly #read = new Map<string, Promise<string | undefined>>();
  readonly #parsed = new Map<string, Promise<unknown>>();

  constructor(texts: ReadonlyMap<string, string> = new Map()) {
    this.#texts = texts;
  }

  /** The file's text; undefined when it cannot be read (or is not a file path). */
  text(file: string): Promise<string | undefined> {
    const known = this.#texts.get(file);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.#read.get(file);
    if (pending === undefined) {
      pending = isAbsolute(file)
        ? readText(file).then((text) => (typeof text === 'string' ? text : undefined))
        : Promise.resolve(undefined);
      this.#read.set(file, pending);
    }
    return pending;
  }

  /** The file's parsed data; undefined when it cannot be read. */
  data(file: string): Promise<unknown> {
    let pending = this.#parsed.get(file);
    if (pending === undefined) {
      pending = this.text(file).then((text) => (text === undefined ? undefined : parseDocument(file, text).data));
      this.#parsed.set(file, pending);
    }
    return pending;
  }
}
