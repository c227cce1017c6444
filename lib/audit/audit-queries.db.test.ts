import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listAuditActions, listAuditEvents } from "./queries";
import { recordAuditEvent } from "./record-audit-event";
import type { AuditFilters } from "./schemas";

async function record(action: string, entityType: string, entityId: string | null, actorLabel = "admin@example.com", details: Record<string, unknown> = {}) {
  return db.$transaction((tx) => recordAuditEvent(tx, { actor: { id: null, label: actorLabel }, action, entityType, entityId, details }));
}

async function seedMix(tag: string) {
  const ids = {
    signIn: (await record("auth.sign_in", "user", `u-${tag}`, `mod-${tag}@example.com`, { ipAddress: "127.0.0.1" })).id,
    hide: (await record("comment.hide", "comment", `1${tag.length}`, `mod-${tag}@example.com`)).id,
    ruleEdit: (await record("rule.update", "rule", "7", "admin@example.com", { before: { severity: 2 }, after: { severity: 3 } })).id,
    autoHide: (await record("comment.auto_hide", "comment", "99", "system")).id,
    importDone: (await record("import.complete", "import_batch", "3", "cli")).id,
  };
  return ids;
}

async function all(scope: "all" | "decisions", filters: AuditFilters) {
  const events = [];
  let before: number | undefined;
  for (;;) {
    const page = await listAuditEvents({ scope, filters: { ...filters, before }, limit: 2 });
    events.push(...page.events);
    if (!page.nextBefore) return events;
    before = page.nextBefore;
  }
}

describe("listing the audit log", () => {
  it("never shows a moderator a non-comment event, whatever the filters say", async () => {
    const tag = randomUUID().slice(0, 8);
    await seedMix(tag);
    const attempts: AuditFilters[] = [{}, { entityType: "user" }, { action: "auth.sign_in" }, { actor: `mod-${tag}@example.com` }, { entityType: "rule", entityId: "7" }, { since: new Date(0) }];
    for (const filters of attempts) {
      const events = await all("decisions", filters);
      expect(events.every((event) => event.entityType === "comment")).toBe(true);
    }
    expect((await all("decisions", { actor: `mod-${tag}` })).map((event) => event.action)).toEqual(["comment.hide"]);
    expect(await listAuditActions("decisions")).not.toContain("auth.sign_in");
  });

  it("gives an admin every event, newest first across keyset pages, filtered by actor, action, entity and time", async () => {
    const tag = randomUUID().slice(0, 8);
    const ids = await seedMix(tag);
    const mine = (await all("all", {})).filter((event) => Object.values(ids).includes(event.id));
    expect(mine.map((event) => event.id)).toEqual(Object.values(ids).sort((a, b) => b - a));
    expect((await all("all", { actor: `MOD-${tag}` })).map((event) => event.id)).toEqual([ids.hide, ids.signIn]);
    expect((await all("all", { action: "rule.update" })).map((event) => event.id)).toContain(ids.ruleEdit);
    expect((await all("all", { entityType: "import_batch", entityId: "3" })).map((event) => event.id)).toContain(ids.importDone);
    const signIn = await db.auditEvent.findUniqueOrThrow({ where: { id: ids.signIn } });
    const window = await all("all", { since: signIn.createdAt, until: new Date(signIn.createdAt.getTime() + 1) });
    expect(window.map((event) => event.id)).toContain(ids.signIn);
    expect(await all("all", { until: signIn.createdAt, actor: `mod-${tag}` })).toEqual([]);
    expect(await listAuditActions("all")).toEqual(expect.arrayContaining(["auth.sign_in", "comment.auto_hide", "comment.hide", "import.complete", "rule.update"]));
  });
});
