import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// House rule: a "use server" file exports only actions built with defineAction (lib/action.ts),
// so every action is parsed, authorized and registered for the authorization matrix.

const ROOTS = ["app", "components", "lib"];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (entry === "generated" || entry === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

const serverActionFiles = ROOTS.flatMap(sourceFiles).filter((file) => /^\s*["']use server["'];?/.test(readFileSync(file, "utf8")));

describe("'use server' files", () => {
  it("exist (the check below would pass vacuously otherwise)", () => {
    expect(serverActionFiles.length).toBeGreaterThan(0);
  });

  for (const file of serverActionFiles) {
    it(`${file} exports only defineAction(...) actions`, () => {
      const source = readFileSync(file, "utf8");
      const exports = source.split("\n").filter((line) => /^export\s/.test(line));
      expect(exports.length).toBeGreaterThan(0);
      for (const line of exports) expect(line).toMatch(/^export const \w+Action = defineAction\(\{$/);
    });
  }
});
