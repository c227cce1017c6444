import { describe, expect, it } from "vitest";
import sample from "@/test/fixtures/rules/sample-thread.json";
import { compileRules } from "@/lib/detect/compile-rules";
import { defaultRulePack } from "./default-pack";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { FlagResult } from "@/lib/detect/types";

interface SampleComment {
  author: string | null;
  body: string;
  replyToAuthor?: string;
}

const pack = defaultRulePack();
const set = compileRules(pack.map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 })));
const comments: SampleComment[] = sample.comments;
const bodyByAuthor = new Map(comments.flatMap((c) => (c.author === null ? [] : [[c.author, c.body] as const])));

function flagsFor(comment: SampleComment): FlagResult[] {
  const parentBody = comment.replyToAuthor === undefined ? undefined : bodyByAuthor.get(comment.replyToAuthor);
  return evaluateComment(set, { body: comment.body, articleText: sample.article, parentBody });
}

const startingWith = (prefix: string) => {
  const found = comments.filter((c) => c.body.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("default pack", () => {
  it("has stable unique names, no AUTO_HIDE, and compiles", () => {
    const names = pack.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    expect(pack.some((rule) => rule.action === "AUTO_HIDE")).toBe(false);
    expect(names).toContain("nationalist-group-hostility");
  });
});

describe("sample thread: Tribune 2015-07-23, ISI surveillance", () => {
  it("has the article and all 21 comments", () => {
    expect(comments).toHaveLength(21);
    expect(sample.article.startsWith("Pakistan building digital espionage capacity")).toBe(true);
    expect(comments.some((c) => c.body.endsWith("Recommend"))).toBe(false);
  });

  it.each([
    "Exactly, when there are hundreds of farmers in India",
    "USA doesn’t provide us enough cobra gunships",
    "I’m sure the last word we would see would be India",
    "When there are millions of Pakistanis without food",
  ])("flags the comment beginning %j", (prefix) => {
    const flags = flagsFor(startingWith(prefix));
    expect(flags.map((f) => f.category).some((c) => c === "NATIONALIST" || c === "ABUSIVE" || c === "OFF_TOPIC")).toBe(true);
    for (const flag of flags) expect(flag.spans.length).toBeGreaterThan(0);
  });

  const onTopicAuthors = ["curious2", "jerry", "Bilal", "Ali S", "MK", "bubba5", "Mind boggling", "Union Jack"];
  it.each(onTopicAuthors)("does not flag %s", (author) => {
    const authored = comments.filter((c) => c.author === author);
    expect(authored).toHaveLength(1);
    expect(flagsFor(authored[0]!)).toEqual([]);
  });

  it("does not flag any of Usman's four comments", () => {
    const usman = comments.filter((c) => c.author === "Usman");
    expect(usman).toHaveLength(4);
    for (const comment of usman) expect(flagsFor(comment)).toEqual([]);
  });

  it.each(["So this is good.", "Why can’t we?"])("does not flag %j", (body) => {
    expect(flagsFor(startingWith(body))).toEqual([]);
  });

  it("highlights the two words that make a NEAR case, both in one sentence", () => {
    const comment = startingWith("When there are millions of Pakistanis");
    const poverty = flagsFor(comment).find((flag) => flag.ruleName === "nationalist-poverty-taunt");
    expect(poverty?.spans.map(([s, e]) => comment.body.slice(s, e))).toEqual(["Pakistanis", "toilet"]);
  });

  it("pairs no group word with an insult that describes something else", () => {
    const flags = flagsFor(startingWith("Exactly, when there are hundreds of farmers in India"));
    expect(flags.map((flag) => flag.reason).join(" ")).not.toMatch(/dirty/i);
    expect(flags.map((flag) => flag.ruleName)).toContain("nationalist-dehumanizing-phrase");
  });
});
