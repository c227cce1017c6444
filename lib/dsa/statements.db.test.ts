import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestComments } from "@/lib/import/ingest-comments";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeModerator, uniqueId } from "@/lib/moderation/test-factories";
import { ruleDraftSchema } from "@/lib/rules/rule-draft-schema";
import { createRule } from "@/lib/rules/create-rule";
import { statementOfReasonsForComment } from "./comment-statement-of-reasons";
import { DEFAULT_DSA_SETTINGS } from "./dsa-settings";
import { streamStatements, type StatementExportSummary } from "./stream-statements";
import { STATEMENTS_PER_CALL, type StatementFormat } from "./stream-statements-format";
import { transparencyStatementSchema, type TransparencyStatement } from "./transparency-statement-schema";
import { updateDsaSettings } from "./update-dsa-settings";

// The three ways a comment gets hidden, each through the real code path (rules created as an admin
// would, comments through the ingest API's importer, decisions through the guarded transition),
// then exported as the Transparency Database takes them and validated against its rules.

const admin = { id: null, label: "dsa-test" };

async function collect(format: StatementFormat): Promise<{ text: string; summary: StatementExportSummary }> {
  const chunks = streamStatements({ format, filters: {}, actor: admin, via: "test" });
  let text = "";
  let step = await chunks.next();
  while (!step.done) {
    text += new TextDecoder().decode(step.value);
    step = await chunks.next();
  }
  return { text, summary: step.value };
}

let rulesMade = false;

async function setUp() {
  const rule = (name: string, category: string, terms: string[], action: string) => createRule(ruleDraftSchema.parse({ name, category, kind: "TERMS", config: { terms }, severity: 3, action }), admin);
  if (!rulesMade) {
    await rule("test-hold-insult", "ABUSIVE", ["scoundrel"], "HOLD");
    await rule("test-autohide-casino", "SPAM", ["megacasino"], "AUTO_HIDE");
    rulesMade = true;
  }
  const run = uniqueId("run");
  const result = await ingestComments(
    {
      id: `article-${run}`,
      title: "Budget talks resume",
      comments: [
        { id: `by-rule-${run}`, body: "Only a scoundrel would write this budget.", postedAt: "2026-11-02T08:00:00Z", author: "Reader A" },
        { id: `by-moderator-${run}`, body: "I will keep posting the same thing on every article.", postedAt: "2026-11-02T09:00:00Z", author: "Reader B" },
        { id: `auto-${run}`, body: "Win big at megacasino today", postedAt: "2026-11-02T10:00:00Z", author: "Reader C" },
      ],
    },
    admin,
  );
  const idOf = (key: string) => result.comments.find((comment) => comment.key === `moddesk:id:${key}-${run}`)!.id!;
  return { byRule: idOf("by-rule"), byModerator: idOf("by-moderator"), auto: idOf("auto") };
}

async function hide(commentId: number, reason: "ABUSIVE" | "OFF_TOPIC", note: string, moderator: { id: string; label: string }) {
  const comment = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { version: true, status: true } });
  await decideComment({ action: "HIDE", commentId, expectedVersion: comment.version, expectedStatus: comment.status, reason, note }, moderator);
}

describe("statements of reasons for every kind of hide", () => {
  it("exports a valid statement for a rule-flagged hide, a moderator's hide and an auto-hide, and a notice for each", async () => {
    const ids = await setUp();
    const moderator = await makeModerator();
    await hide(ids.byRule, "ABUSIVE", "name-calling", moderator);
    await hide(ids.byModerator, "OFF_TOPIC", "copy-paste across articles", moderator);
    expect((await db.comment.findUniqueOrThrow({ where: { id: ids.auto } })).status).toBe("HIDDEN");

    const { text, summary } = await collect("json");
    const body = JSON.parse(text) as { statements: TransparencyStatement[] };
    expect(body.statements).toHaveLength(summary.statements);
    expect(summary).toMatchObject({ skipped: [], completed: true });
    for (const statement of body.statements) expect(transparencyStatementSchema.safeParse(statement).error).toBeUndefined();
    const byPuid = (commentId: number) => body.statements.find((statement) => statement.puid.startsWith(`moddesk-comment-${commentId}-`))!;

    expect(byPuid(ids.byRule)).toMatchObject({ automated_detection: "Yes", automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED", category: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", content_date: "2026-11-02" });
    expect(byPuid(ids.byRule).decision_facts).toContain("test-hold-insult (abusive)");
    expect(byPuid(ids.byModerator)).toMatchObject({ automated_detection: "No", automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED", category: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC" });
    expect(byPuid(ids.auto)).toMatchObject({ automated_detection: "Yes", automated_decision: "AUTOMATED_DECISION_FULLY", category: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC" });
    expect(byPuid(ids.auto).decision_facts).toContain("test-autohide-casino");
    // Notes stay internal by default.
    expect(text).not.toContain("name-calling");

    const notice = await statementOfReasonsForComment(ids.byRule);
    expect(notice?.notice).toContain("our automated rules flagged the comment for review (test-hold-insult), and a moderator read it and decided");
    expect((await statementOfReasonsForComment(ids.auto))?.notice).toContain("automatically, by a moderation rule");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "export.dsa_statements" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ format: "json", statements: summary.statements, completed: true });
  });

  it("follows the desk's settings, audits their change, and writes one statement per line as JSON lines", async () => {
    const ids = await setUp();
    await updateDsaSettings({ ...DEFAULT_DSA_SETTINGS, publishNotes: true, territorialScope: ["IE"], termsUrl: "https://news.example/terms" }, admin);
    const moderator = await makeModerator();
    await hide(ids.byRule, "ABUSIVE", "name-calling", moderator);

    const { text, summary } = await collect("jsonl");
    const lines = text.trim().split("\n").map((line) => JSON.parse(line) as TransparencyStatement);
    expect(lines).toHaveLength(summary.statements);
    const statement = lines.find((line) => line.puid.startsWith(`moddesk-comment-${ids.byRule}-`))!;
    expect(statement).toMatchObject({ territorial_scope: ["IE"], decision_ground_reference_url: "https://news.example/terms" });
    expect(statement.decision_facts).toContain("Moderator's note: name-calling");
    const change = await db.auditEvent.findFirstOrThrow({ where: { action: "dsa.settings_update" }, orderBy: { id: "desc" } });
    expect((change.details as { changes: string[] }).changes.sort()).toEqual(["publishNotes", "termsUrl", "territorialScope"]);
  });

  it("writes one call's body per line in batches, none over the database's 100 statements per call", async () => {
    await setUp();
    const run = uniqueId("many");
    // 101 auto-hides (the test-autohide-casino rule): with the other tests' hides, at least two calls.
    const comments = Array.from({ length: STATEMENTS_PER_CALL + 1 }, (_, index) => ({ id: `casino-${index}-${run}`, body: `Win big at megacasino, offer ${index}`, postedAt: "2026-11-03T10:00:00Z" }));
    await ingestComments({ id: `article-${run}`, title: "Many spam comments", comments }, admin);

    const { text, summary } = await collect("batches");
    const calls = text.trim().split("\n").map((line) => JSON.parse(line) as { statements: TransparencyStatement[] });
    expect(summary.statements).toBeGreaterThan(STATEMENTS_PER_CALL);
    expect(calls).toHaveLength(Math.ceil(summary.statements / STATEMENTS_PER_CALL));
    expect(summary.calls).toBe(calls.length);
    for (const call of calls) {
      expect(Object.keys(call)).toEqual(["statements"]);
      expect(call.statements.length).toBeGreaterThanOrEqual(1);
      expect(call.statements.length).toBeLessThanOrEqual(STATEMENTS_PER_CALL);
      for (const statement of call.statements) expect(transparencyStatementSchema.safeParse(statement).error).toBeUndefined();
    }
    expect(calls.flatMap((call) => call.statements)).toHaveLength(summary.statements);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "export.dsa_statements" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ format: "batches", statements: summary.statements, calls: calls.length, completed: true });
  });

  it("has no statement for a comment that is not hidden", async () => {
    const ids = await setUp();
    expect(await statementOfReasonsForComment(ids.byModerator)).toBeNull();
  });
});
