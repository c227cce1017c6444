import { describe, expect, it } from "vitest";
import recorded from "@/quality/floors.json";
import { evasionShare, guidelineGroupShares } from "./guideline-case-shares";
import { GUIDELINE_CASE_GROUPS } from "./guideline-cases";
import type { FloorsFile } from "./quality-figures";
import { defaultPackDefinitions } from "./rule-sources";

// Quality that `npm test` holds without ../shared: the default pack (rules and model) on sentences
// the project wrote itself, one group per distinction of the labelling guidelines. The floors are
// the shares recorded in quality/floors.json (npm run quality:check -- --record), so they rise with
// the pack; never lower one to make a change pass.
const { writtenCases } = recorded as unknown as FloorsFile;
const rules = defaultPackDefinitions();
const round = (value: number) => Math.round(value * 10_000) / 10_000;

describe("the default pack on the guideline's cases", () => {
  it("has a recorded floor for every group and enough cases in each to make a share mean something", () => {
    expect(Object.keys(writtenCases.groups).sort()).toEqual(GUIDELINE_CASE_GROUPS.map((group) => group.name).sort());
    for (const group of GUIDELINE_CASE_GROUPS) expect(group.cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(guidelineGroupShares(rules).map((share) => [share.name, share] as const))("%s: at least the recorded share right", (name, share) => {
    expect(round(share.right / share.total), `${name}: ${share.right}/${share.total} right; wrong:\n${share.wrong.join("\n")}`).toBeGreaterThanOrEqual(writtenCases.groups[name]!);
  });

  it("scores evasion spellings like the plain sentence (leetspeak, zero-width, homoglyphs, spacing)", () => {
    const share = evasionShare(rules);
    // Every plain sentence is one the pack catches, so "the same" means the evasion is caught too.
    expect(share.uncaughtPlain).toEqual([]);
    expect(round(share.same / share.total), share.differing.join("\n")).toBeGreaterThanOrEqual(writtenCases.evasion);
    // The evasions the normalizer undoes today must stay undone.
    for (const how of ["zero-width", "homoglyphs", "fullwidth", "stretching", "case", "edge leetspeak"]) {
      expect(share.differing.filter((line) => line.startsWith(`${how}:`)), how).toEqual([]);
    }
  });
});
