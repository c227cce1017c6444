import { describe, expect, it } from "vitest";
import { groupTargets, namesGroup } from "./cross-validate";
import type { LabelledText } from "./training-sources";

// Sentences written for this test.
const row = (text: string, targets: [number, number]): LabelledText => ({ text, source: "test", targets });
const nationalistOf = (text: string, targets: [number, number]) => groupTargets(row(text, targets)).targets[0];

describe("group-directed NATIONALIST targets", () => {
  it("finds a named people, state or religion by whole word or listed prefix", () => {
    expect(namesGroup("Those Pakistanis again")).toBe(true);
    expect(namesGroup("the hindus of the town")).toBe(true);
    expect(namesGroup("a nice day at the park")).toBe(false);
    expect(namesGroup("spakistan is one word")).toBe(false);
  });

  it("makes abuse aimed at a named group 1 and any non-abusive row 0, group named or not", () => {
    expect(nationalistOf("you muslims are filthy rats", [Number.NaN, 1])).toBe(1);
    expect(nationalistOf("Muslims in my street held a food drive", [Number.NaN, 0])).toBe(0);
    expect(nationalistOf("lovely weather today", [0, 0])).toBe(0);
  });

  it("says nothing about abuse that names no group, and keeps a source's own group label", () => {
    expect(nationalistOf("shut up you fool", [Number.NaN, 1])).toBeNaN();
    expect(nationalistOf("a religious slur with no listed group word", [1, 1])).toBe(1);
    expect(nationalistOf("covert aggression", [Number.NaN, Number.NaN])).toBeNaN();
  });

  it("leaves the ABUSIVE target alone", () => {
    expect(groupTargets(row("you muslims are filthy rats", [Number.NaN, 1])).targets[1]).toBe(1);
    expect(groupTargets(row("shut up you fool", [0, 0.5])).targets[1]).toBe(0.5);
  });
});
