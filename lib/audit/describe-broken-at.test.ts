import { describe, expect, it } from "vitest";
import { describeBrokenAt } from "./describe-broken-at";

describe("describeBrokenAt", () => {
  it("says the broken event's time in the reader's zone, named, the local day included", () => {
    expect(describeBrokenAt({ id: 42, createdAt: "2026-12-05T19:30:00.000Z" }, "Asia/Karachi")).toBe("6 Dec 2026, 00:30 GMT+5");
    expect(describeBrokenAt({ id: 42, createdAt: "2026-12-05T19:30:00.000Z" }, "UTC")).toBe("5 Dec 2026, 19:30 UTC");
  });

  it("names no time when there was no event to name", () => {
    expect(describeBrokenAt({ id: 0, createdAt: new Date(0).toISOString() }, "UTC")).toBe("no event");
  });
});
