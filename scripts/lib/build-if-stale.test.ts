import { describe, expect, it } from "vitest";
import { buildProgressLine } from "./build-if-stale";

describe("what npm start says during a build", () => {
  it("passes on Next's steps and drops the route table", () => {
    expect(buildProgressLine("   Creating an optimized production build ...")).toBe("Creating an optimized production build ...");
    expect(buildProgressLine(" ✓ Compiled successfully in 95s")).toBe("✓ Compiled successfully in 95s");
    expect(buildProgressLine("├ ƒ /queue")).toBeNull();
    expect(buildProgressLine("")).toBeNull();
  });
});
