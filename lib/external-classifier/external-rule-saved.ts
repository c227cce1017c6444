import "server-only";
import type { Prisma } from "@/lib/db/client";
import { parseRuleConfig } from "@/lib/detect/schemas";
import { AppError } from "@/lib/errors";
import { endpointUrlProblem } from "@/lib/webhooks/network-guard";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { sealSigningSecret } from "@/lib/webhooks/signing-secret-store";
import { recordPendingScoresForRule } from "./pending-scores";

interface SavedState { kind: string; config: unknown; enabled: boolean; deleted: boolean }

/**
 * What saving an EXTERNAL rule means beyond the rule row, in the save's transaction: its URL must
 * pass the network guard (as a webhook's), it gets a signing secret the first time (returned, to be
 * shown once), and when enabled with a new config its pending comments are queued to be scored.
 */
export async function onExternalRuleSaved(tx: Prisma.TransactionClient, ruleId: number, before: SavedState | null, after: SavedState): Promise<string | null> {
  if (after.kind !== "EXTERNAL" || after.deleted) return null;
  const parsed = parseRuleConfig("EXTERNAL", after.config);
  if (!parsed.ok) throw new AppError("INVALID", parsed.message);
  const problem = endpointUrlProblem(parsed.config.url, parsed.config.allowPrivateNetwork === true);
  if (problem) throw new AppError("INVALID", `The endpoint URL is refused: ${problem}`);
  let secret: string | null = null;
  if ((await tx.externalClassifierSecret.findUnique({ where: { ruleId } })) === null) {
    secret = newWebhookSecret();
    await tx.externalClassifierSecret.create({ data: { ruleId, secret: sealSigningSecret(secret) } });
  }
  const rescore = before === null || before.kind !== "EXTERNAL" || !before.enabled || JSON.stringify(before.config) !== JSON.stringify(after.config);
  if (after.enabled && rescore) await recordPendingScoresForRule((sql, params) => tx.$executeRawUnsafe(sql, ...params), ruleId);
  return secret;
}
