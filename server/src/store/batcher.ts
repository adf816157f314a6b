/** Commits a group of items at once, answering one result per item, in order. */
export type CommitGroup<T, R> = (items: T[]) => Promise<R[]>;

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items added while a commit is on its way to disk wait and go together into the
 * next one, so under load many writes share one fsync (or one round trip) instead of queueing for
 * one each. A caller's promise settles only when its own commit has; a group that fails is retried
 * item by item, so one bad item fails only itself.
 */
export class Batcher<T, R> {
  readonly #commit: CommitGroup<T, R>;
  readonly #max: number;
  #queue: Waiting<T, R>[] = [];
  #running: Promise<void> | undefined;

  /** @param max The most items in one commit (bounds a statement's size and a commit's wait). */
  constructor(commit: CommitGroup<T, R>, max = 500) {
    this.#commit = commit;
    this.#max = max;
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      // setImmediate: the requests whose bodies arrived in this turn of the event loop join the first commit.
      this.#running ??= new Promise<void>((done) => setImmediate(done)).then(() => this.#drain());
    });
  }

  /** Settles once every item added so far is committed (or failed). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, this.#max);
      await this.#run(group);
    }
    this.#running = undefined;
  }

  async #run(group: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.#commit(group.map((entry) => entry.item));
      group.forEach((entry, i) => entry.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      for (const entry of group) await this.#run([entry]);
    }
  }
}
