import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { createRule } from "./create-rule";
import { defaultRulePack } from "./default-pack";
import { deleteRule } from "./delete-rule";
import { installDefaultRulePack } from "./install-default-pack";
import { setRuleEnabled } from "./set-rule-enabled";
import { draft, seedUser } from "./test-db-factories";
import { updateRule } from "./update-rule";

const auditOf = (ruleId: number) => db.auditEvent.findMany({ where: { entityType: "rule", entityId: String(ruleId) }, orderBy: { id: "asc" } });

describe("rule changes", () => {
  it("creates at version 1, then each save bumps the version with a snapshot and a before/after audit event", async () => {
    const admin = await seedUser();
    const actor = { id: admin.id, label: admin.email };
    const initial = draft({ severity: 3 });
    const created = await createRule(initial, actor);
    expect(created.version).toBe(1);

    const updated = await updateRule(created.id, 1, { ...initial, severity: 4, config: { terms: ["zorblax", "quux"] } }, actor);
    expect(updated).toEqual({ id: created.id, version: 2, changes: ["config", "severity"] });

    const versions = await db.ruleVersion.findMany({ where: { ruleId: created.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, (v.snapshot as { severity: number }).severity, v.changedById])).toEqual([[1, 3, admin.id], [2, 4, admin.id]]);

    const events = await auditOf(created.id);
    expect(events.map((e) => e.action)).toEqual(["rule.create", "rule.update"]);
    const details = events[1]!.details as { before: { severity: number }; after: { severity: number; config: unknown }; changes: string[] };
    expect(details.before.severity).toBe(3);
    expect(details.after).toMatchObject({ severity: 4, config: { terms: ["zorblax", "quux"] } });
    expect(details.changes).toEqual(["config", "severity"]);
    expect((events[0]!.details as { before: unknown }).before).toBeNull();
  });

  it("refuses a save from a stale version with CONFLICT naming who saved, and changes nothing", async () => {
    const first = await seedUser();
    const second = await seedUser();
    const initial = draft();
    const { id } = await createRule(initial, { id: first.id, label: first.email });
    await updateRule(id, 1, { ...initial, severity: 5 }, { id: first.id, label: first.email });
    await expect(updateRule(id, 1, { ...initial, severity: 1 }, { id: second.id, label: second.email })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(first.email) });
    const rule = await db.rule.findUniqueOrThrow({ where: { id } });
    expect([rule.version, rule.severity]).toEqual([2, 5]);
    expect(await db.ruleVersion.count({ where: { ruleId: id } })).toBe(2);
  });

  it("disables, enables and soft-deletes with their own audit actions; a deleted rule cannot change", async () => {
    const { id } = await createRule(draft(), SYSTEM_ACTOR);
    await setRuleEnabled(id, 1, false, SYSTEM_ACTOR);
    await setRuleEnabled(id, 2, true, SYSTEM_ACTOR);
    const unchanged = await setRuleEnabled(id, 3, true, SYSTEM_ACTOR);
    expect(unchanged.changes).toEqual([]);
    await deleteRule(id, 3, SYSTEM_ACTOR);
    const rule = await db.rule.findUniqueOrThrow({ where: { id } });
    expect(rule.deletedAt).not.toBeNull();
    expect(rule.version).toBe(4);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["rule.create", "rule.disable", "rule.enable", "rule.delete"]);
    await expect(setRuleEnabled(id, 4, false, SYSTEM_ACTOR)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a second rule with the same name in words", async () => {
    const initial = draft();
    await createRule(initial, SYSTEM_ACTOR);
    await expect(createRule(initial, SYSTEM_ACTOR)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(initial.name) });
  });

  it("installs the default pack with a v1 version row per rule", async () => {
    const installed = await installDefaultRulePack(SYSTEM_ACTOR);
    expect(installed).toBe(defaultRulePack().length);
    const rules = await db.rule.findMany({ where: { name: { in: defaultRulePack().map((r) => r.name) } }, select: { id: true, versions: { select: { version: true } } } });
    expect(rules.every((rule) => rule.versions.length === 1 && rule.versions[0]!.version === 1)).toBe(true);
    expect(await installDefaultRulePack(SYSTEM_ACTOR)).toBe(0);
  });
});
