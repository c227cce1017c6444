import { describe, expect, it } from "vitest";
import { compileRules } from "./compile-rules";
import { RuleCompileError } from "./compiled-rule";
import { evaluateComment } from "./evaluate-comment";
import { parseRuleConfig, ruleConfigSchemas } from "./schemas";
import { testRule } from "./test-helpers";
import { RULE_KINDS } from "./types";

describe("compileRules", () => {
  it("skips disabled rules", () => {
    const set = compileRules([
      testRule("TERMS", { terms: ["idiot"] }, { id: "on" }),
      testRule("TERMS", { terms: ["moron"] }, { id: "off", enabled: false }),
    ]);
    expect(set.rules.map((rule) => rule.definition.id)).toEqual(["on"]);
    expect(evaluateComment(set, { body: "moron" })).toEqual([]);
  });
  it("throws a typed error naming the invalid rule", () => {
    const broken = testRule("NEAR", { a: ["india"], b: [], within: 0 }, { id: "r7", name: "near-broken" });
    const error = (() => {
      try {
        compileRules([testRule("TERMS", { terms: ["ok"] }), broken]);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(RuleCompileError);
    expect((error as RuleCompileError).ruleId).toBe("r7");
    expect((error as RuleCompileError).message).toBe(
      "rule 'near-broken' (r7): invalid NEAR config: b: needs at least one term; within: must be at least 1",
    );
  });
  it("names the rule when a term is unusable", () => {
    expect(() => compileRules([testRule("TERMS", { terms: ["!!!"] }, { name: "bad-terms" })])).toThrow(
      "rule 'bad-terms' (rule-terms): term '!!!' has no letters or digits once normalized",
    );
  });
  it("shares one automaton between rules and reports every rule that fired, in rule order", () => {
    const set = compileRules([
      testRule("TERMS", { terms: ["idiot"] }, { id: "a" }),
      testRule("NEAR", { a: ["india"], b: ["idiot"], within: 2 }, { id: "b", category: "NATIONALIST" }),
      testRule("SHOUTING", { minLetters: 5, minUpperRatio: 0.8 }, { id: "c", category: "SPAM" }),
    ]);
    const flags = evaluateComment(set, { body: "INDIA IDIOT" });
    expect(flags.map((flag) => flag.ruleId)).toEqual(["a", "b", "c"]);
  });
});

describe("parseRuleConfig", () => {
  it("has a schema for every kind", () => {
    expect(Object.keys(ruleConfigSchemas).sort()).toEqual([...RULE_KINDS].sort());
  });
  it("accepts valid configs and explains invalid ones", () => {
    expect(parseRuleConfig("TERMS", { terms: [" idiot "] })).toEqual({ ok: true, config: { terms: ["idiot"] } });
    expect(parseRuleConfig("SHOUTING", { minLetters: 10, minUpperRatio: 2 })).toEqual({
      ok: false,
      message: "invalid SHOUTING config: minUpperRatio: must be between 0 and 1",
    });
    const typo = parseRuleConfig("LINKS", { maxLink: 1 });
    expect(typo.ok).toBe(false);
    expect(!typo.ok && typo.message).toMatch(/maxLinks/);
    const regex = parseRuleConfig("REGEX", { pattern: "(?<!not )bad" });
    expect(!regex.ok && regex.message).toBe(
      "invalid REGEX config: pattern: lookbehind (?<=…) / (?<!…) cannot run in linear time; RE2 refuses it",
    );
  });
});
