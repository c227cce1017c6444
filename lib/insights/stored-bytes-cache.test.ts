import { describe, expect, it } from "vitest";
import { StoredBytesCache } from "./stored-bytes-cache";

const bytes = (length: number, fill = 1) => new Uint8Array(length).fill(fill);

describe("StoredBytesCache", () => {
  it("gives bytes back only at the version they were stored with", () => {
    const cache = new StoredBytesCache(100);
    cache.set("posted:2026-12-01", "501:a", bytes(10, 7));
    expect(cache.get("posted:2026-12-01", "501:a")).toEqual(bytes(10, 7));
    expect(cache.get("posted:2026-12-01", "502:b")).toBeUndefined();
    expect(cache.get("decision:2026-12-01", "501:a")).toBeUndefined();
    cache.set("posted:2026-12-01", "502:b", bytes(4, 9));
    expect(cache.get("posted:2026-12-01", "501:a")).toBeUndefined();
    expect(cache.size).toEqual({ days: 1, bytes: 4 });
  });

  it("names the days it holds of one kind within a range, with their versions", () => {
    const cache = new StoredBytesCache(100);
    cache.set("posted:2026-11-30", "1:x", bytes(1));
    cache.set("posted:2026-12-02", "2:x", bytes(1));
    cache.set("posted:2026-12-09", "3:x", bytes(1));
    cache.set("decision:2026-12-02", "4:x", bytes(1));
    expect(cache.held("posted", "2026-12-01", "2026-12-09")).toEqual({ days: ["2026-12-02", "2026-12-09"], versions: ["2:x", "3:x"] });
  });

  it("stays within its bound, the least recently used days going first", () => {
    const cache = new StoredBytesCache(30);
    cache.set("posted:a", "1", bytes(10));
    cache.set("posted:b", "1", bytes(10));
    cache.set("posted:c", "1", bytes(10));
    expect(cache.get("posted:a", "1")).toBeDefined();
    cache.set("posted:d", "1", bytes(10));
    expect(cache.get("posted:b", "1")).toBeUndefined();
    expect(cache.get("posted:a", "1")).toBeDefined();
    expect(cache.size).toEqual({ days: 3, bytes: 30 });
    cache.set("posted:huge", "1", bytes(31));
    expect(cache.get("posted:huge", "1")).toBeUndefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(30);
  });
});
