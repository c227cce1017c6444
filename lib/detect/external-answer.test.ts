import { describe, expect, it } from "vitest";
import { flagsFromExternalScore, parseScoreAnswer, scoreRequestBody, type ExternalConfig } from "./external-answer";
import { parseRuleConfig } from "./schemas";

const asked = [{ id: "7", text: "you absolute muppet" }, { id: "8", text: "a fine point, well made" }];
const rule = { id: "12", version: 3, name: "newsroom-model", action: "FLAG" as const, severity: 4 };
const config: ExternalConfig = { url: "https://scorer.example.org/score", thresholds: { ABUSIVE: 0.8, SPAM: 0.5 }, timeoutMs: 2000 };

describe("scoreRequestBody", () => {
  it("sends each comment's id and text and the categories it may score", () => {
    expect(JSON.parse(scoreRequestBody(asked))).toEqual({ type: "comments.score", categories: ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM"], comments: asked });
  });
});

describe("parseScoreAnswer", () => {
  const answer = (value: unknown) => parseScoreAnswer(JSON.stringify(value), asked);

  it("reads scores and spans for every comment asked about", () => {
    const parsed = answer({ results: [{ id: "7", scores: { ABUSIVE: 0.93 }, spans: { ABUSIVE: [[13, 19]] } }, { id: "8", scores: {} }] });
    expect(parsed).toEqual({ ok: true, results: new Map([["7", { scores: { ABUSIVE: 0.93 }, spans: { ABUSIVE: [[13, 19]] } }], ["8", { scores: {}, spans: {} }]]) });
  });

  it("refuses a body that is not JSON, saying how it starts", () => {
    expect(parseScoreAnswer("<html>502 Bad Gateway</html>", asked)).toEqual({ ok: false, message: 'the answer is not JSON (it starts "<html>502 Bad Gateway</html>")' });
  });

  it("names the field of a score out of range or a category it does not know", () => {
    expect(answer({ results: [{ id: "7", scores: { ABUSIVE: 1.5 } }, { id: "8", scores: {} }] })).toEqual({ ok: false, message: "the answer does not follow the contract: results.0.scores.ABUSIVE: scores are between 0 and 1" });
    const unknown = answer({ results: [{ id: "7", scores: { TOXICITY: 0.9 } }, { id: "8", scores: {} }] });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toContain("results.0.scores");
  });

  it("refuses an answer missing a comment, answering one twice or one not asked about", () => {
    expect(answer({ results: [{ id: "7", scores: {} }] })).toEqual({ ok: false, message: "the answer has no result for comment '8' (1 of 2 missing)" });
    expect(answer({ results: [{ id: "7", scores: {} }, { id: "7", scores: {} }] })).toMatchObject({ ok: false, message: "results.1.id: '7' is answered twice" });
    expect(answer({ results: [{ id: "9", scores: {} }] })).toMatchObject({ ok: false, message: "results.0.id: '9' was not asked about" });
  });

  it("refuses spans that are empty, reversed or past the end of the text", () => {
    for (const span of [[5, 5], [6, 2], [10, 20]]) {
      const parsed = answer({ results: [{ id: "7", scores: {}, spans: { ABUSIVE: [span] } }, { id: "8", scores: {} }] });
      expect(parsed).toMatchObject({ ok: false });
      expect(!parsed.ok && parsed.message).toContain("results.0.spans.ABUSIVE.0");
    }
  });

  it("refuses a top-level shape other than { results: [...] }", () => {
    expect(answer([{ id: "7" }]).ok).toBe(false);
    expect(answer({ results: [], extra: true }).ok).toBe(false);
  });
});

describe("flagsFromExternalScore", () => {
  it("flags each category at or above its threshold, with the endpoint as the rule", () => {
    const flags = flagsFromExternalScore(rule, config, { scores: { ABUSIVE: 0.8, SPAM: 0.49, NATIONALIST: 0.99 }, spans: { ABUSIVE: [[13, 19], [0, 3], [2, 5]] } });
    expect(flags).toEqual([
      { ruleId: "12", ruleVersion: 3, ruleName: "newsroom-model", category: "ABUSIVE", action: "FLAG", severity: 4, score: 0.8, spans: [[0, 5], [13, 19]], reason: "scorer.example.org scored it abusive 0.80 (threshold 0.8)" },
    ]);
  });

  it("flags nothing when every score is below its threshold or the category has none", () => {
    expect(flagsFromExternalScore(rule, config, { scores: { ABUSIVE: 0.2, NATIONALIST: 1 }, spans: {} })).toEqual([]);
  });
});

describe("EXTERNAL config", () => {
  it("takes an http(s) URL, thresholds for some categories and a bounded timeout", () => {
    expect(parseRuleConfig("EXTERNAL", config)).toEqual({ ok: true, config });
    expect(parseRuleConfig("EXTERNAL", { ...config, url: "ftp://scorer.example.org" })).toEqual({ ok: false, message: "invalid EXTERNAL config: url: must be an http(s) URL" });
    expect(parseRuleConfig("EXTERNAL", { ...config, thresholds: {} })).toEqual({ ok: false, message: "invalid EXTERNAL config: thresholds: give a threshold for at least one category" });
    expect(parseRuleConfig("EXTERNAL", { ...config, timeoutMs: 60_000 })).toEqual({ ok: false, message: "invalid EXTERNAL config: timeoutMs: must be at most 10,000 ms (10 s)" });
  });
});
