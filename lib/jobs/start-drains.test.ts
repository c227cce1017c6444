import { describe, expect, it } from "vitest";
import { drainStarter } from "./start-drains";

describe("drainStarter", () => {
  it("starts one drain per due target, never a second one while the first runs, and again once it ended", async () => {
    const finish = new Map<number, () => void>();
    const started: number[] = [];
    const starter = drainStarter({
      label: "test",
      dueTargets: async () => [1, 2],
      drain: (id) => {
        started.push(id);
        return new Promise<void>((resolve) => finish.set(id, resolve));
      },
    });
    expect(await starter.startDue()).toEqual([1, 2]);
    expect(await starter.startDue()).toEqual([]);
    finish.get(1)!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await starter.startDue()).toEqual([1]);
    expect(started).toEqual([1, 2, 1]);
  });

  it("logs a failed drain and lets the target be drained again", async () => {
    let calls = 0;
    const starter = drainStarter({ label: "test", dueTargets: async () => [7], drain: async () => { calls++; throw new Error("receiver gone"); } });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await starter.startDue();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await starter.startDue();
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      console.error = original;
    }
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });
});
