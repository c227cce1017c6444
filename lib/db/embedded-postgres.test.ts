import { describe, expect, it } from "vitest";
import { memoryFlags } from "./embedded-postgres";

const GB = 2 ** 30;
const settings = (total: number) => Object.fromEntries(memoryFlags(total).filter((flag) => flag !== "-c").map((flag) => flag.split("=")));

describe("the embedded server's memory", () => {
  it("gives shared buffers an eighth of RAM, 1 GB at most and never below the default", () => {
    expect(settings(24 * GB)).toEqual({ shared_buffers: "1024MB", effective_cache_size: "12288MB", work_mem: "24MB", maintenance_work_mem: "256MB" });
    expect(settings(4 * GB)).toEqual({ shared_buffers: "512MB", effective_cache_size: "2048MB", work_mem: "4MB", maintenance_work_mem: "128MB" });
    expect(settings(512 * 2 ** 20).shared_buffers).toBe("128MB");
  });
});
