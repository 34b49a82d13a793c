/** Which open documents `$ref` which files, so that a change to a file re-lints the documents that use it. */
export class RefGraph {
  readonly #references = new Map<string, Set<string>>();

  /** Records the files a document references (directly or through other files) as of its last lint. */
  set(document: string, files: Iterable<string>): void {
    this.#references.set(document, new Set(files));
  }

  delete(document: string): void {
    this.#references.delete(document);
  }

  /** The documents that reference `file`. */
  usersOf(file: string): string[] {
    return [...this.#references].filter(([, files]) => files.has(file)).map(([document]) => document);
  }

  /** Every file some document references. */
  referencedFiles(): Set<string> {
    return new Set([...this.#references.values()].flatMap((files) => [...files]));
  }
}
