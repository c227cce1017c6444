import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";
import { importStream } from "@/lib/import/import-file";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";

// Half a UTF-16 surrogate pair ("\ud800" in JSON, or an emoji cut by a slice): PostgreSQL's jsonb
// refuses it. A decision's note holding one was a 500 (its audit event), and an import whose
// rejected line was quoted cut mid-emoji ended FAILED after its rows were written (the batch's
// problem summary). Now such text is stored with U+FFFD, and the audit chain still verifies.

describe("text holding half a surrogate pair", () => {
  it("in a decision's note: decided, stored with U+FFFD, the audit chain intact", async () => {
    const moderator = await makeModerator();
    const comment = await makeComment(await makeArticle());
    await decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", note: "half \ud800 a pair" }, moderator);
    const decision = await db.decision.findFirstOrThrow({ where: { commentId: comment.id }, select: { note: true } });
    expect(decision.note).toBe("half \ufffd a pair");
    await db.$transaction((tx) => recordAuditEvent(tx, { actor: { id: null, label: "label \udc00" }, action: "test.surrogate", entityType: "author", entityId: "name \ud800", details: { nested: ["\udfff"] } }));
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("in an import's rejected lines: the import completes, every good row kept", async () => {
    const article = { id: "surrogate-article", title: "Surrogates" };
    const lines = [
      `${JSON.stringify({ id: "surrogate-ok", article, body: "fine", postedAt: "2026-01-02T10:00:00Z" })}\n`,
      // Not JSON, quoted in the problem up to 40 characters: the 40th is half of the emoji.
      `${"x".repeat(39)}😀 and more\n`,
      `{"id":"surrogate-date","article":{"id":"surrogate-article","title":"Surrogates"},"body":"b","postedAt":"\\ud800"}\n`,
    ];
    const endpoint = await db.webhookEndpoint.create({ data: { url: "https://receiver.example/hook", events: ["import.completed"], secret: "whsec_test" }, select: { id: true } });
    try {
      const result = await importStream({ input: Readable.from(lines), fileName: "surrogates \ud800.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
      expect(result).toMatchObject({ added: 1, rejected: 2 });
      const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId }, select: { status: true, problems: true } });
      expect(batch.status).toBe("COMPLETED");
      expect(JSON.stringify(batch.problems)).toContain("\ufffd");
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, select: { payload: true } });
      expect(JSON.stringify(delivery.payload)).toContain("surrogates \ufffd.jsonl");
    } finally {
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false } });
    }
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("in a comment's text: imported with U+FFFD and a warning on its line, never in silence", async () => {
    const line = `{"id":"surrogate-body","article":{"id":"surrogate-body-article","title":"Body"},"author":"reader","body":"before \\ud83d after","postedAt":"2026-01-02T10:00:00Z"}\n`;
    const result = await importStream({ input: Readable.from([line]), fileName: "surrogate-body.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
    expect(result).toMatchObject({ added: 1, rejected: 0 });
    expect(result.warnings).toContainEqual({ line: 1, field: "body", message: expect.stringMatching(/half of a UTF-16 surrogate pair \(broken text\) in its text/) });
    const stored = await db.comment.findFirstOrThrow({ where: { externalId: "surrogate-body" }, select: { body: true } });
    expect(stored.body).toBe("before \ufffd after");
  });
});
