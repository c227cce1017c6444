import { describe, expect, it } from "vitest";
import { commenterNotice } from "./commenter-notice";
import { DEFAULT_DSA_SETTINGS, dsaSettingsSchema, type DsaSettings } from "./dsa-settings";
import { transparencyStatementOf, type HideDecisionFacts } from "./statement-of-reasons";
import { multiStatementCallBody, STATEMENTS_PER_CALL } from "./stream-statements-format";
import { transparencyStatementSchema } from "./transparency-statement-schema";

const decidedAt = new Date("2026-11-03T09:15:00Z");
const base: HideDecisionFacts = {
  decisionId: 41,
  commentId: 7,
  reason: "NATIONALIST",
  note: "second warning for this account",
  decidedAt,
  moderatorId: "user-ana",
  postedAt: new Date("2026-11-02T22:40:00Z"),
  articleTitle: "Budget talks resume",
  flags: [],
};
const ruleFlag = { ruleName: "nationalist-group-hostility", category: "NATIONALIST", reason: "'all' near 'traitors'", createdAt: new Date("2026-11-02T22:41:00Z") };

describe("the statement of reasons of a hide", () => {
  it("a moderator's hide with no flag: not automated at all, on the terms, valid for the Transparency Database", () => {
    const statement = transparencyStatementOf(base, DEFAULT_DSA_SETTINGS);
    expect(transparencyStatementSchema.safeParse(statement).success).toBe(true);
    expect(statement).toMatchObject({
      decision_visibility: ["DECISION_VISIBILITY_CONTENT_DISABLED"],
      decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
      category: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
      automated_detection: "No",
      automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED",
      source_type: "SOURCE_VOLUNTARY",
      content_type: ["CONTENT_TYPE_TEXT"],
      content_date: "2026-11-02",
      application_date: "2026-11-03",
      puid: "moddesk-comment-7-decision-41",
    });
    expect(statement.decision_facts).toContain("A human moderator reviewed the comment");
  });

  it("a moderator's hide of a comment a rule flagged: detected by automated means, decided by a person", () => {
    const statement = transparencyStatementOf({ ...base, flags: [ruleFlag] }, DEFAULT_DSA_SETTINGS);
    expect(transparencyStatementSchema.safeParse(statement).success).toBe(true);
    expect(statement.automated_detection).toBe("Yes");
    expect(statement.automated_decision).toBe("AUTOMATED_DECISION_NOT_AUTOMATED");
    expect(statement.decision_facts).toContain("nationalist-group-hostility (nationalist)");
  });

  it("a flag written after the decision (a later re-run) is not counted as detection", () => {
    const later = { ...ruleFlag, createdAt: new Date("2026-11-04T00:00:00Z") };
    expect(transparencyStatementOf({ ...base, flags: [later] }, DEFAULT_DSA_SETTINGS).automated_detection).toBe("No");
  });

  it("an auto-hide: fully automated, and the rule is named", () => {
    const statement = transparencyStatementOf({ ...base, moderatorId: null, reason: "SPAM", note: "auto-hidden by spam-links", flags: [{ ...ruleFlag, ruleName: "spam-links", category: "SPAM", createdAt: decidedAt }] }, DEFAULT_DSA_SETTINGS);
    expect(transparencyStatementSchema.safeParse(statement).success).toBe(true);
    expect(statement).toMatchObject({ automated_detection: "Yes", automated_decision: "AUTOMATED_DECISION_FULLY", category: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC" });
    expect(statement.decision_facts).toContain("automatically by a moderation rule");
    expect(statement.decision_facts).toContain("spam-links");
  });

  it("keeps the moderator's note out of the public statement unless the desk publishes notes", () => {
    expect(transparencyStatementOf(base, DEFAULT_DSA_SETTINGS).decision_facts).not.toContain("second warning");
    expect(transparencyStatementOf(base, { ...DEFAULT_DSA_SETTINGS, publishNotes: true }).decision_facts).toContain("second warning");
  });

  it("uses the desk's settings: removal, terms address, territorial scope, reference prefix", () => {
    const settings: DsaSettings = { ...DEFAULT_DSA_SETTINGS, visibility: "REMOVED", termsUrl: "https://news.example/comment-terms", territorialScope: ["DE", "AT"], puidPrefix: "daily_news" };
    const statement = transparencyStatementOf(base, settings);
    expect(transparencyStatementSchema.safeParse(statement).success).toBe(true);
    expect(statement).toMatchObject({ decision_visibility: ["DECISION_VISIBILITY_CONTENT_REMOVED"], decision_ground_reference_url: "https://news.example/comment-terms", territorial_scope: ["DE", "AT"], puid: "daily_news-comment-7-decision-41" });
  });
});

describe("the Transparency Database's rules, as the schema enforces them", () => {
  const valid = transparencyStatementOf(base, DEFAULT_DSA_SETTINGS);
  it.each([
    ["an unknown category", { category: "STATEMENT_CATEGORY_RUDENESS" }],
    ["a puid with a space", { puid: "comment 7" }],
    ["a content date before 2000", { content_date: "1999-12-31" }],
    ["a date in another format", { application_date: "03/11/2026" }],
    ["an illegal-content ground on a terms decision", { illegal_content_legal_ground: "§130 StGB" }],
    ["a missing explanation", { incompatible_content_explanation: undefined }],
    ["a source identity on an own-initiative decision", { source_identity: "reader 12" }],
    ["a field the database does not know", { comment_text: "hello" }],
    ["a country outside the EEA", { territorial_scope: ["US"] }],
  ])("refuses %s", (_label, change) => {
    expect(transparencyStatementSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe("the notice to the commenter", () => {
  it("says what, when, why, how it was decided and how to contest it, in words", () => {
    const notice = commenterNotice({ ...base, flags: [ruleFlag] }, { ...DEFAULT_DSA_SETTINGS, serviceName: "Daily News", termsUrl: "https://news.example/comment-terms" });
    expect(notice).toContain('Your comment on "Budget talks resume", posted on 2 November 2026, is no longer visible on Daily News.');
    expect(notice).toContain("on 3 November 2026 we hid the comment.");
    expect(notice).toContain("attacks a nation, a people or a religion as a whole");
    expect(notice).toContain("(https://news.example/comment-terms)");
    expect(notice).toContain("our automated rules flagged the comment for review (nationalist-group-hostility), and a moderator read it and decided");
    expect(notice).toContain("How to contest it: If you think this decision is wrong");
    expect(notice).toContain("Reference: moddesk-comment-7-decision-41");
  });

  it("names an automatic decision as one, and a limited territorial scope", () => {
    const notice = commenterNotice({ ...base, moderatorId: null, flags: [{ ...ruleFlag, createdAt: decidedAt }] }, { ...DEFAULT_DSA_SETTINGS, territorialScope: ["FR"] });
    expect(notice).toContain("automatically, by a moderation rule");
    expect(notice).toContain("we hid the comment for readers in FR.");
  });
});

describe("DSA settings", () => {
  it("accept the defaults and refuse a non-http terms address or an empty scope", () => {
    expect(dsaSettingsSchema.safeParse(DEFAULT_DSA_SETTINGS).success).toBe(true);
    expect(dsaSettingsSchema.safeParse({ ...DEFAULT_DSA_SETTINGS, termsUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(dsaSettingsSchema.safeParse({ ...DEFAULT_DSA_SETTINGS, territorialScope: [] }).success).toBe(false);
  });
});

describe("one call of the multi-statement endpoint", () => {
  it("holds 1 to 100 statements, as the database takes them", () => {
    expect(STATEMENTS_PER_CALL).toBe(100);
    expect(JSON.parse(multiStatementCallBody(['{"puid":"a"}', '{"puid":"b"}']))).toEqual({ statements: [{ puid: "a" }, { puid: "b" }] });
    expect(() => multiStatementCallBody([])).toThrow(/1 to 100 statements, not 0/);
    expect(() => multiStatementCallBody(Array.from({ length: 101 }, () => "{}"))).toThrow(/not 101/);
  });
});
