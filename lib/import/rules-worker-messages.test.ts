import { describe, expect, it } from "vitest";
import type { CommentContext, FlagResult } from "@/lib/detect/types";
import { packContexts, packFlags, unpackContexts, unpackFlags } from "./rules-worker-messages";

const flag = (ruleId: string): FlagResult => ({
  ruleId, ruleVersion: 1, ruleName: ruleId, category: "ABUSIVE", action: "FLAG", severity: 3, score: 0.7, spans: [[0, 5]], reason: "Contains 'idiot'.",
});

describe("rules worker messages", () => {
  it("carry every context as it was, each article's text once", () => {
    const article = "Budget day\nThe minister spoke.";
    const contexts: CommentContext[] = [
      { body: "first", articleText: article, authorName: "Reader" },
      { body: "second", articleText: article, parentBody: "first" },
      { body: "third", articleText: "Other article\n" },
      { body: "fourth" },
      { body: "fifth", articleText: "", parentBody: "", authorName: "" },
    ];
    const packed = packContexts(contexts);
    expect(packed.articles).toEqual([article, "Other article\n", ""]);
    const through = unpackContexts(structuredClone(packed));
    expect(through).toStrictEqual(contexts);
  });

  it("send back only the flagged comments, and unpack to one list per comment", () => {
    const flags = [[], [flag("a"), flag("b")], [], [flag("c")], []];
    const packed = packFlags(flags);
    expect(Array.from(packed.flagged)).toEqual([1, 3]);
    expect(unpackFlags(structuredClone(packed), flags.length)).toStrictEqual(flags);
  });
});
