import "server-only";
import { db } from "@/lib/db/client";
import { RULE_PACK_FORMAT } from "./rule-pack-schema";
import { RULE_KINDS } from "@/lib/detect/types";

/** The rules of this installation (not deleted; the engine's kinds) as a pack object. */
export async function exportRulePack() {
  const rows = await db.rule.findMany({
    where: { deletedAt: null, kind: { in: [...RULE_KINDS] } },
    orderBy: { id: "asc" },
    select: { name: true, description: true, category: true, kind: true, config: true, severity: true, action: true, enabled: true },
  });
  return { moddeskRulePack: RULE_PACK_FORMAT, exportedAt: new Date().toISOString(), rules: rows.map((row) => ({ ...row, description: row.description ?? "" })) };
}
