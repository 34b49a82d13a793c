/**
 * Decides when documents are linted: a change waits `delayMs` for the next one (debounce), runs
 * are serialised (the engine holds per-run state, and one thread gains nothing from overlap),
 * and each run carries a generation number so that its result is published only if no newer
 * run was scheduled for the document meanwhile.
 */
export class LintScheduler {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #generations = new Map<string, number>();
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(
    private readonly run: (uri: string, isCurrent: () => boolean) => Promise<void>,
    private readonly delayMs: number,
  ) {}

  /** Lints `uri` after the debounce delay (or `delayMs`), superseding any run not yet published. */
  schedule(uri: string, delayMs = this.delayMs): void {
    if (this.#closed) return;
    const generation = (this.#generations.get(uri) ?? 0) + 1;
    this.#generations.set(uri, generation);
    clearTimeout(this.#timers.get(uri));
    const timer = setTimeout(() => {
      this.#timers.delete(uri);
      this.#enqueue(uri, generation);
    }, delayMs);
    this.#timers.set(uri, timer);
  }

  /** Forgets a document: a pending run is dropped and a running one's result discarded. */
  cancel(uri: string): void {
    clearTimeout(this.#timers.get(uri));
    this.#timers.delete(uri);
    this.#generations.set(uri, (this.#generations.get(uri) ?? 0) + 1);
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #enqueue(uri: string, generation: number): void {
    const isCurrent = () => !this.#closed && this.#generations.get(uri) === generation;
    this.#queue = this.#queue.then(async () => {
      // Superseded while waiting in line: the newer run will lint the newer text.
      if (!isCurrent()) return;
      await this.run(uri, isCurrent).catch(() => undefined);
    });
  }
}
