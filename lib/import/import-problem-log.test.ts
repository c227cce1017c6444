import { describe, expect, it } from "vitest";
import { ImportProblemLog } from "./import-problem-log";
import type { ParseProblem } from "./types";

const settle = () => new Promise((resolve) => setImmediate(resolve));
const problem = (line: number): ParseProblem => ({ line, field: "postedAt", message: `bad date on line ${line}` });

/** A write that stays pending until released, so the test decides when the database "answers". */
function heldWrites() {
  const written: number[][] = [];
  const releases: (() => void)[] = [];
  const write = (problems: ParseProblem[]) =>
    new Promise<void>((resolve) => {
      releases.push(() => {
        written.push(problems.map((item) => item.line));
        resolve();
      });
    });
  return { written, releases, write };
}

describe("ImportProblemLog", () => {
  it("keeps only the first few in memory, and writes every one, in order, a batch at a time", async () => {
    const batches: number[][] = [];
    const log = new ImportProblemLog(async (problems) => void batches.push(problems.map((item) => item.line)), { keep: 3, batch: 4 });
    for (let line = 1; line <= 10; line++) await log.add(problem(line));
    await log.finish();
    expect(log.count).toBe(10);
    expect(log.first.map((item) => item.line)).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]);
  });

  it("starts writing as soon as a batch is full, before the import ends", async () => {
    const held = heldWrites();
    const log = new ImportProblemLog(held.write, { keep: 1, batch: 2 });
    log.add(problem(1));
    await settle();
    expect(held.releases).toHaveLength(0);
    expect(log.add(problem(2))).toBeNull();
    await settle();
    expect(held.releases).toHaveLength(1);
  });

  it("makes the parser wait when a second batch is full while the first is still being written", async () => {
    const held = heldWrites();
    const log = new ImportProblemLog(held.write, { keep: 1, batch: 2 });
    log.add(problem(1));
    log.add(problem(2));
    log.add(problem(3));
    const wait = log.add(problem(4));
    expect(wait).not.toBeNull();
    let isDone = false;
    void wait!.then(() => (isDone = true));
    await settle();
    held.releases[0]!();
    await settle();
    expect(isDone).toBe(false);
    held.releases[1]!();
    await wait;
    expect(isDone).toBe(true);
    expect(held.written).toEqual([[1, 2], [3, 4]]);
  });

  it("fails the import when a write fails, and writes nothing after the gap", async () => {
    const batches: number[][] = [];
    let calls = 0;
    const log = new ImportProblemLog(async (problems) => {
      calls += 1;
      if (calls === 1) throw new Error("connection lost");
      batches.push(problems.map((item) => item.line));
    }, { keep: 1, batch: 2 });
    for (let line = 1; line <= 5; line++) void log.add(problem(line))?.catch(() => {});
    await expect(log.finish()).rejects.toThrow("connection lost");
    expect(batches).toEqual([]);
  });
});
