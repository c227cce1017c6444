import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectedLine } from "@/lib/import/format-import-report";
import { printable, say } from "./output";

// A rejected row is quoted in the CLI's report: its escape sequences must not reach the terminal.

afterEach(() => vi.restoreAllMocks());

describe("printable", () => {
  it("shows control characters as escapes, keeping tabs, newlines and every other character", () => {
    expect(printable("a\u001b[2Kb")).toBe("a\\u001b[2Kb");
    expect(printable("\u001b]52;c;ZXZpbA==\u0007")).toBe("\\u001b]52;c;ZXZpbA==\\u0007");
    expect(printable("del\u007f c1\u009b")).toBe("del\\u007f c1\\u009b");
    expect(printable("tab\tand\nnewline, Ünïcode ✓ 😀")).toBe("tab\tand\nnewline, Ünïcode ✓ 😀");
  });
});

describe("say", () => {
  it("prints an import's rejected row without its escape sequences", () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    say(rejectedLine("comments.jsonl", { line: 3, message: "line 3 is not valid JSON: '\u001b]0;owned\u0007\u001b[1A\u001b[2K'" }));
    expect(written.join("")).not.toContain("\u001b");
    expect(written.join("")).toContain("\\u001b]0;owned");
  });
});
