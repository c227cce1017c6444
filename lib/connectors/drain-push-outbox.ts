import "server-only";
import { drainStarter } from "@/lib/jobs/start-drains";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import type { ConnectorFetch, ConnectorKind, PushOutcome, PushRequest } from "./connector";
import { loadConnectorById } from "./connector-settings";
import { planPushRetry } from "./push-retry";
import { connectorFor } from "./registry";
import { siteFetch } from "./site-fetch";
import { storableText } from "@/lib/validation/well-formed-text";

// Sends the push outbox to the sites, the way the webhook outbox is delivered: rows are claimed
// by pushing their next attempt past a lease (SKIP LOCKED, so several instances never push a row
// twice at once), sent outside any transaction, retried with the webhooks' backoff for over a
// day, with their jitter and Retry-After (push-retry.ts). Per comment only the oldest pending push can be claimed, so a hide and its undo reach the
// site in order. Each connector drains on its own, started and not awaited by the job: a slow or
// dead site never holds the queue, the job, or the other sites.

const CLAIM_BATCH = 10;
const LEASE_SECONDS = 120;

interface ClaimedPush {
  id: number;
  commentId: number;
  externalId: string;
  decision: PushRequest["decision"];
  reason: string | null;
  note: string | null;
  force: boolean;
  attempts: number;
}

const CLAIM = `
  WITH due AS (
    SELECT p.id FROM connector_push p
    WHERE p."connectorId" = $1 AND p.status = 'PENDING' AND p."nextAttemptAt" <= now() AT TIME ZONE 'UTC'
      AND NOT EXISTS (SELECT FROM connector_push earlier WHERE earlier."commentId" = p."commentId" AND earlier.status = 'PENDING' AND earlier.id < p.id)
    ORDER BY p.id
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
  UPDATE connector_push p SET "nextAttemptAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => $3)
  FROM due WHERE p.id = due.id
  RETURNING p.id, p."commentId", p."externalId", p.decision, p.reason, p.note, p.force, p.attempts`;

// A site that answered with Retry-After (a 429 rate limit, a 503 maintenance) is asked nothing
// until then: every pending push of its connector waits at least that long (not an attempt), as a
// webhook endpoint is paused; pushing the rest of the batch would only hit the limit again.
const WAIT_FOR_SITE = `
  UPDATE connector_push SET "nextAttemptAt" = GREATEST("nextAttemptAt", now() AT TIME ZONE 'UTC' + make_interval(secs => $2))
  WHERE "connectorId" = $1 AND status = 'PENDING'`;

/** Records an attempt; returns how long the site asked to be left alone (seconds), or null. */
async function record(connectorId: number, push: ClaimedPush, target: string, outcome: PushOutcome): Promise<number | null> {
  const now = new Date();
  if (outcome.outcome === "applied") {
    await db.$transaction(async (tx) => {
      await tx.connectorPush.update({ where: { id: push.id }, data: { status: "APPLIED", attempts: { increment: 1 }, lastAttemptAt: now, appliedAt: now, lastError: null } });
      const link = await tx.connectorComment.findUnique({ where: { commentId: push.commentId }, select: { siteStatus: true, siteVersion: true } });
      if (!link) return;
      await tx.connectorComment.update({
        where: { commentId: push.commentId },
        data: { siteStatus: target, siteVersion: outcome.siteVersion ?? link.siteVersion, previousSiteStatus: link.siteStatus },
      });
    });
    return null;
  }
  if (outcome.outcome === "conflict") {
    await db.$transaction(async (tx) => {
      await tx.connectorPush.update({
        where: { id: push.id },
        data: { status: "CONFLICT", attempts: { increment: 1 }, lastAttemptAt: now, siteStatus: outcome.siteStatus, siteVersion: outcome.siteVersion ?? null, conflictDetail: outcome.detail },
      });
      await recordAuditEvent(tx, { actor: SYSTEM_ACTOR, action: "connector.conflict", entityType: "comment", entityId: push.commentId, details: { connectorId, pushId: push.id, decision: push.decision, siteStatus: outcome.siteStatus, detail: outcome.detail } });
    });
    return null;
  }
  const { retryIn, siteWait } = outcome.outcome === "retry" ? planPushRetry(push.attempts + 1, outcome.retryAfter, now) : { retryIn: null, siteWait: null };
  await db.connectorPush.update({
    where: { id: push.id },
    data: {
      status: retryIn === null ? "FAILED" : "PENDING",
      attempts: { increment: 1 },
      lastAttemptAt: now,
      lastError: storableText(outcome.detail.slice(0, 1_000)),
      ...(retryIn === null ? {} : { nextAttemptAt: new Date(now.getTime() + retryIn * 1_000) }),
    },
  });
  return siteWait;
}

/**
 * What an undo puts back: the site's status before the push of the decision it undoes, when that
 * push went through (the link keeps it as previousSiteStatus); otherwise the site never changed,
 * and its status as last seen stays.
 */
async function undoTarget(push: ClaimedPush, link: { siteStatus: string; previousSiteStatus: string | null }): Promise<string> {
  const undone = await db.connectorPush.findFirst({ where: { commentId: push.commentId, id: { lt: push.id } }, orderBy: { id: "desc" }, select: { status: true } });
  return undone?.status === "APPLIED" && link.previousSiteStatus ? link.previousSiteStatus : link.siteStatus;
}

/** Pushes every due row of one connector, in order; returns how many attempts were made. */
export async function drainConnector(connectorId: number, fetchOverride?: ConnectorFetch): Promise<number> {
  const loaded = await loadConnectorById(connectorId);
  const connector = loaded ? connectorFor(loaded.kind as ConnectorKind) : null;
  if (!loaded || !connector || !loaded.enabled) return 0;
  const config = connector.configSchema.parse(loaded.config) as { allowPrivateNetwork?: boolean };
  const fetchFn = fetchOverride ?? siteFetch(config.allowPrivateNetwork === true);
  const pool = getPgPool();
  let attempts = 0;
  for (;;) {
    const claimed = (await pool.query<ClaimedPush>(CLAIM, [connectorId, CLAIM_BATCH, LEASE_SECONDS])).rows.sort((a, b) => a.id - b.id);
    if (claimed.length === 0) return attempts;
    for (const push of claimed) {
      const link = await db.connectorComment.findUnique({ where: { commentId: push.commentId }, select: { siteVersion: true, siteStatus: true, previousSiteStatus: true } });
      if (!link) {
        // The site address changed since the decision: its ids mean nothing on the new site.
        await record(connectorId, push, "", { outcome: "failed", detail: "the comment is no longer linked to the site (its address changed)" });
        attempts++;
        continue;
      }
      const target = push.decision === "UNDO" ? await undoTarget(push, link) : connector.siteStatusFor(config, push.decision);
      const request: PushRequest = {
        externalId: push.externalId,
        decision: push.decision,
        siteStatus: target,
        ...(push.reason ? { reason: push.reason } : {}),
        ...(push.note ? { note: push.note } : {}),
        ...(push.force ? {} : { expectedSiteVersion: link.siteVersion }),
      };
      const outcome = await connector.push(config, request, fetchFn).catch((error: unknown): PushOutcome => ({ outcome: "retry", detail: error instanceof Error ? error.message : String(error) }));
      const siteWait = await record(connectorId, push, target, outcome);
      attempts++;
      if (siteWait !== null && siteWait > 0) {
        // The rest of this batch is still leased to this drain: it waits with the others.
        await pool.query(WAIT_FOR_SITE, [connectorId, siteWait]);
        return attempts;
      }
    }
  }
}

const starter = drainStarter({
  label: "connectors connector",
  drain: (connectorId) => drainConnector(connectorId),
  dueTargets: async () =>
    (
      await getPgPool().query<{ connectorId: number }>(
        `SELECT DISTINCT p."connectorId" FROM connector_push p JOIN connector c ON c.id = p."connectorId"
         WHERE c.enabled AND p.status = 'PENDING' AND p."nextAttemptAt" <= now() AT TIME ZONE 'UTC'`,
      )
    ).rows.map((row) => row.connectorId),
});

/** Starts a drain for each connector with due pushes that this process is not draining already. */
export function startDrainingDueConnectors(): Promise<number[]> {
  return starter.startDue();
}
