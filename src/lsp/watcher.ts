import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Watches the folders of the files the server depends on (configs, ruleset files, `$ref`'d files,
 * ignore files), for clients that do not send `workspace/didChangeWatchedFiles`. Editors save by
 * replacing files, which a watch on the file itself would lose, hence the folders.
 */
export class FolderWatcher {
  readonly #folders = new Map<string, FSWatcher>();
  readonly #files = new Set<string>();
  readonly #pending = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: (files: string[]) => void,
    /** File names reported wherever they appear in a watched folder (a config created next to a document). */
    private readonly alwaysReported: ReadonlySet<string>,
  ) {}

  watch(files: Iterable<string>): void {
    for (const file of files) {
      this.#files.add(file);
      this.watchFolder(dirname(file));
    }
  }

  watchFolder(folder: string): void {
    if (this.#folders.has(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name === null) return;
        const file = join(folder, name.toString());
        if (this.#files.has(file) || this.alwaysReported.has(basename(file))) this.#report(file);
      });
      watcher.on('error', () => {
        watcher.close();
        this.#folders.delete(folder);
      });
      this.#folders.set(folder, watcher);
    } catch {
      // A folder that cannot be watched (gone, no permission): the client's notifications still work.
    }
  }

  close(): void {
    clearTimeout(this.#timer);
    for (const watcher of this.#folders.values()) watcher.close();
    this.#folders.clear();
  }

  /** One save fires several events (write, rename): report the files once they settle. */
  #report(file: string): void {
    this.#pending.add(file);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const files = [...this.#pending];
      this.#pending.clear();
      this.onChange(files);
    }, 50);
  }
}
