import { describe, expect, it } from "vitest";
import { RecentBodies } from "./recent-bodies";

describe("RecentBodies", () => {
  it("forgets the oldest body once full", () => {
    const recent = new RecentBodies(3);
    for (const key of ["a", "b", "c", "d"]) recent.remember(key, `body ${key}`);
    expect(recent.get("a")).toBeUndefined();
    expect(["b", "c", "d"].map((key) => recent.get(key))).toEqual(["body b", "body c", "body d"]);
    expect(recent.size).toBe(3);
  });

  it("keeps a key seen again in its first place, with the newer body", () => {
    const recent = new RecentBodies(3);
    recent.remember("a", "first");
    recent.remember("b", "b");
    recent.remember("a", "second");
    recent.remember("c", "c");
    expect(recent.get("a")).toBe("second");
    recent.remember("d", "d");
    // "a" was remembered first, so it goes first, as a Map's insertion order would have it.
    expect(recent.get("a")).toBeUndefined();
    expect(recent.get("b")).toBe("b");
    expect(recent.size).toBe(3);
  });

  it("stays bounded over many evictions", () => {
    const recent = new RecentBodies(100);
    for (let index = 0; index < 10_000; index++) recent.remember(`k${index}`, "x");
    expect(recent.size).toBe(100);
    expect(recent.get("k9899")).toBeUndefined();
    expect(recent.get("k9900")).toBe("x");
  });
});
