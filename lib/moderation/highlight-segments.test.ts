import { describe, expect, it } from "vitest";
import { highlightSegments } from "./highlight-segments";

const marked = (body: string, spans: [number, number][][]) =>
  highlightSegments(body, spans.map((s) => ({ spans: s }))).map((segment) => [segment.text, segment.flags]);

describe("highlightSegments", () => {
  it("returns the whole text unmarked when nothing matched", () => {
    expect(marked("So this is good.", [])).toEqual([["So this is good.", []]]);
    expect(marked("", [[[0, 3]]])).toEqual([]);
  });

  it("marks one span and keeps the text around it", () => {
    expect(marked("you idiot sir", [[[4, 9]]])).toEqual([["you ", []], ["idiot", [0]], [" sir", []]]);
  });

  it("splits overlapping spans of different flags into runs naming every flag that covers them", () => {
    expect(marked("abcdefgh", [[[1, 5]], [[3, 7]]])).toEqual([
      ["a", []],
      ["bc", [0]],
      ["de", [0, 1]],
      ["fg", [1]],
      ["h", []],
    ]);
  });

  it("keeps adjacent spans of different flags apart and joins adjacent spans of the same flag", () => {
    expect(marked("abcdef", [[[0, 3]], [[3, 6]]])).toEqual([["abc", [0]], ["def", [1]]]);
    expect(marked("abcdef", [[[0, 3], [3, 6]]])).toEqual([["abcdef", [0]]]);
  });

  it("never cuts a surrogate pair: a boundary inside an emoji widens to the whole character", () => {
    const body = "ok 😡😡 end";
    // "😡" is two UTF-16 units at 3-4 and 5-6; the span [4, 6) starts and ends inside pairs.
    const segments = marked(body, [[[4, 6]]]);
    expect(segments).toEqual([["ok ", []], ["😡😡", [0]], [" end", []]]);
    expect(segments.map(([text]) => text).join("")).toBe(body);
  });

  it("clamps spans past the end and drops empty or inverted ones", () => {
    expect(marked("short", [[[2, 99], [4, 4], [3, 1]]])).toEqual([["sh", []], ["ort", [0]]]);
  });

  it("rebuilds the original text exactly whatever the spans", () => {
    const body = "Ａ🇵🇰 mixed ﷽ text\nwith lines";
    for (let start = 0; start < body.length; start++) {
      const text = highlightSegments(body, [{ spans: [[start, start + 3]] }, { spans: [[1, start]] }]).map((s) => s.text).join("");
      expect(text).toBe(body);
    }
  });
});
