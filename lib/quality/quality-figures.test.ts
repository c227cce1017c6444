import { describe, expect, it } from "vitest";
import { checkFloors, floorsFromFigures, type QualityFigure } from "./quality-figures";

const NO_CASES = { groups: {}, evasion: 0 };
const figure = (key: string, direction: "min" | "max", value: number | null): QualityFigure => ({ key, label: key, direction, value });

describe("checkFloors", () => {
  const floors = floorsFromFigures([figure("recall", "min", 0.5), figure("cleanRate", "max", 0.1), figure("precision", "min", 0.7)], "test", NO_CASES).figures;

  it("passes figures at their recorded values, including ones that recorded to 4 decimals", () => {
    const recorded = floorsFromFigures([figure("recall", "min", 2 / 3)], "test", NO_CASES).figures;
    expect(recorded.recall!.value).toBe(0.6667);
    expect(checkFloors([figure("recall", "min", 2 / 3)], recorded)[0]!.outcome).toBe("pass");
  });

  it("fails a figure below its floor or above its ceiling, and passes improvements", () => {
    const outcomes = (values: [number | null, number | null, number | null]) =>
      checkFloors([figure("recall", "min", values[0]), figure("cleanRate", "max", values[1]), figure("precision", "min", values[2])], floors).map((check) => check.outcome);
    expect(outcomes([0.49, 0.1, 0.7])).toEqual(["fail", "pass", "pass"]);
    expect(outcomes([0.5, 0.11, 0.7])).toEqual(["pass", "fail", "pass"]);
    expect(outcomes([0.9, 0.01, 0.95])).toEqual(["pass", "pass", "pass"]);
    expect(outcomes([0.5, 0.1, null])).toEqual(["pass", "pass", "unmeasured"]);
  });

  it("reports a figure without a recorded floor without failing it", () => {
    expect(checkFloors([figure("new", "min", 0)], floors)[0]!.outcome).toBe("unrecorded");
  });

  it("does not record figures that could not be measured", () => {
    expect(floorsFromFigures([figure("precision", "min", null)], "test", NO_CASES).figures).toEqual({});
  });
});
