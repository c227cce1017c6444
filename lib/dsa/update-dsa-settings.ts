import "server-only";
import { diffObjects } from "@/lib/audit/diff-details";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { DsaSettings } from "./dsa-settings";
import { getDsaSettings } from "./queries";

/** Saves the desk's statement-of-reasons settings with an audit event holding before and after. */
export async function updateDsaSettings(settings: DsaSettings, actor: AuditActor): Promise<DsaSettings> {
  const before = await getDsaSettings();
  await db.$transaction(async (tx) => {
    await tx.dsaSettings.upsert({ where: { id: 1 }, create: { id: 1, settings, updatedById: actor.id }, update: { settings, updatedById: actor.id } });
    await recordAuditEvent(tx, {
      actor,
      action: "dsa.settings_update",
      entityType: "dsa_settings",
      entityId: 1,
      details: { before, after: settings, changes: diffObjects(before, settings).filter((change) => change.change !== "unchanged").map((change) => change.field) },
    });
  });
  return settings;
}
