import type { ParseProblem } from "./types";

// The rejected rows of an import, written out as the import goes: a file of millions of bad lines
// must not grow the process until the batch ends ("limits are real limits"). In memory: the first
// SUMMARY_PROBLEMS (what the summaries print and the batch row keeps) and at most two batches of
// WRITE_BATCH waiting for the database. import_problem gets every one, in the order they were found.
// Pure apart from the `write` it is given, so that it is unit-tested without a database.

/** Problems kept for the summary (the batch row's `problems`, the upload's answer, the CLI's report). */
export const SUMMARY_PROBLEMS = 1_000;
/** Problems per INSERT: one statement, its own short transaction. */
export const WRITE_BATCH = 5_000;

export class ImportProblemLog {
  /** The first SUMMARY_PROBLEMS problems; `count` says how many there were in all. */
  readonly first: ParseProblem[] = [];
  count = 0;
  private buffer: ParseProblem[] = [];
  private written: Promise<void> = Promise.resolve();
  private batchesWaiting = 0;

  constructor(
    private readonly write: (problems: ParseProblem[]) => Promise<void>,
    private readonly options: { keep: number; batch: number } = { keep: SUMMARY_PROBLEMS, batch: WRITE_BATCH },
  ) {}

  /**
   * Records one problem. Returns a promise only when the parser is a whole batch ahead of the
   * database: the caller awaits it, so memory stays bounded however many problems a file holds.
   */
  add(problem: ParseProblem): Promise<void> | null {
    this.count += 1;
    if (this.first.length < this.options.keep) this.first.push(problem);
    this.buffer.push(problem);
    if (this.buffer.length < this.options.batch) return null;
    this.send();
    return this.batchesWaiting > 1 ? this.written : null;
  }

  /** Writes what is left; resolves once every problem is stored (rejects if a write failed). */
  async finish(): Promise<void> {
    if (this.buffer.length > 0) this.send();
    await this.written;
  }

  private send(): void {
    const batch = this.buffer;
    this.buffer = [];
    this.batchesWaiting += 1;
    // Chained: batches are written one after another, in order. A failed write fails every later
    // one too (the import then fails), never leaving a gap in the middle.
    this.written = this.written.then(async () => {
      try {
        await this.write(batch);
      } finally {
        this.batchesWaiting -= 1;
      }
    });
    this.written.catch(() => {});
  }
}
