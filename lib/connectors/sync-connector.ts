import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { AppError } from "@/lib/errors";
import { rulesInThread } from "@/lib/import/chunk-rules";
import { runImport } from "@/lib/import/run-import";
import type { ParseEvent } from "@/lib/import/types";
import { loadRuleEvaluator } from "@/lib/rules/load-rule-evaluator";
import { recordReportBatch } from "@/lib/reports/record-reader-reports";
import type { ReaderReportInput } from "@/lib/reports/schemas";
import { redactUrl, redactUrlsIn } from "@/lib/security/redact-url";
import type { ConnectorFetch, ConnectorKind, PullPage } from "./connector";
import { loadConnector } from "./connector-settings";
import { connectorFor } from "./registry";
import { siteFetch } from "./site-fetch";
import { storableText } from "@/lib/validation/well-formed-text";

// One sync: pull pages from where the last sync stopped, through the import pipeline (dedupe,
// reply links, rules, audit, like a file), then remember each new comment's id and version on
// the site (the push's conflict check compares against it) and move the cursor. The cursor moves
// only after the import committed: a failed sync is pulled again next time, and the import's
// dedupe makes that harmless.

export type SyncTrigger = "schedule" | "manual" | "cli";

/** Pages per sync: a site with a long history catches up over several syncs. */
export const MAX_PAGES_PER_SYNC = 20;

export interface SyncSummary {
  syncId: number;
  status: "COMPLETED" | "FAILED" | "SKIPPED";
  pulled: number;
  added: number;
  duplicates: number;
  rejected: number;
  /** Pulled comments that carried readers' reports (recorded through lib/reports). */
  reported?: number;
  error?: string;
}

interface SyncOptions {
  /** Tests pass a fetch that talks to a fake site; production uses siteFetch. */
  fetchFn?: ConnectorFetch;
}

const LINK = `
  INSERT INTO connector_comment ("connectorId", "commentId", "externalId", "siteVersion", "siteStatus", "updatedAt")
  SELECT $1, c.id, v."externalId", v."siteVersion", v."siteStatus", now() AT TIME ZONE 'UTC'
  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS v("dedupeKey", "externalId", "siteVersion", "siteStatus")
  JOIN comment c ON c."dedupeKey" = v."dedupeKey"
  ON CONFLICT DO NOTHING
  RETURNING "commentId", "siteStatus", (SELECT status FROM comment WHERE id = "commentId") AS status`;

// A comment a rule hid as it came in (an AUTO_HIDE rule, decided inside the import) is hidden on
// the site too: its hide decision goes to the outbox like a moderator's.
const PUSH_AUTO_HIDES = `
  INSERT INTO connector_push ("connectorId", "commentId", "externalId", "decisionId", decision, reason, note, "nextAttemptAt", "createdAt")
  SELECT l."connectorId", l."commentId", l."externalId", d.id, 'HIDE', d.reason, d.note, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM connector_comment l
  JOIN LATERAL (SELECT id, reason::text, note FROM decision WHERE "commentId" = l."commentId" ORDER BY id DESC LIMIT 1) d ON true
  WHERE l."connectorId" = $1 AND l."commentId" = ANY($2::int[])`;

interface PulledReports {
  dedupeKey: string;
  hashSource: string;
  reports: ReaderReportInput[];
}

/**
 * The site's reader reports of the pulled comments, recorded once the comments are stored (never in
 * the import's COPY) with one audit event for the sync; returns how many comments carried reports.
 */
async function recordPulledReports(pulled: readonly PulledReports[], kind: ConnectorKind, actor: AuditActor, importBatchId: number): Promise<number> {
  if (pulled.length === 0) return 0;
  const stored = await getPgPool().query<{ id: number; dedupeKey: string }>(`SELECT id, "dedupeKey" FROM comment WHERE "dedupeKey" = ANY($1::text[])`, [pulled.map((entry) => entry.dedupeKey)]);
  const ids = new Map(stored.rows.map((row) => [row.dedupeKey, row.id]));
  const entries = pulled.flatMap((entry) => {
    const commentId = ids.get(entry.dedupeKey);
    return commentId === undefined ? [] : [{ commentId, hashSource: entry.hashSource, reports: entry.reports }];
  });
  await db.$transaction((tx) => recordReportBatch(tx, entries, { source: kind, actor, importBatchId }));
  return entries.length;
}

/** A sync row, unless another sync of the connector is running (one at a time; a stuck one is ignored after 15 minutes). */
async function startSync(connectorId: number, trigger: SyncTrigger): Promise<{ id: number } | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('connector-sync'), ${connectorId})`;
    const running = await tx.connectorSync.findFirst({ where: { connectorId, status: "RUNNING", startedAt: { gt: new Date(Date.now() - 15 * 60_000) } }, select: { id: true } });
    if (running) return null;
    return tx.connectorSync.create({ data: { connectorId, trigger }, select: { id: true } });
  });
}

export async function syncConnector(kind: ConnectorKind, trigger: SyncTrigger, actor: AuditActor, options: SyncOptions = {}): Promise<SyncSummary> {
  const connector = connectorFor(kind);
  const loaded = await loadConnector(kind);
  if (!connector || !loaded) throw new AppError("NOT_FOUND", `The ${kind} connector is not set up yet.`);
  if (!loaded.enabled) throw new AppError("INVALID", `The ${kind} connector is turned off.`);
  const config = connector.configSchema.parse(loaded.config) as { allowPrivateNetwork?: boolean; siteUrl?: string };
  const fetchFn = options.fetchFn ?? siteFetch(config.allowPrivateNetwork === true);
  const sync = await startSync(loaded.id, trigger);
  if (!sync) return { syncId: 0, status: "SKIPPED", pulled: 0, added: 0, duplicates: 0, rejected: 0, error: "Another sync of this site is running; its result shows when it is done." };

  let cursor = loaded.cursor;
  let pulled = 0;
  const links: Array<{ dedupeKey: string; externalId: string; siteVersion: string; siteStatus: string }> = [];
  const pulledReports: PulledReports[] = [];
  async function* pages(): AsyncGenerator<ParseEvent> {
    for (let page = 0; page < MAX_PAGES_PER_SYNC; page++) {
      const pulledPage: PullPage = await connector!.pull(config, cursor, fetchFn);
      const versions = new Map(pulledPage.siteVersions.map((version) => [version.externalId, version]));
      const reports = new Map((pulledPage.reports ?? []).map((entry) => [entry.externalId, entry.reports]));
      for (const event of pulledPage.events) {
        if (event.type !== "comment" || event.comment.externalId === undefined) continue;
        pulled += 1;
        const dedupeKey = `${event.comment.source}:${event.comment.key}`;
        const version = versions.get(event.comment.externalId);
        if (version) links.push({ dedupeKey, ...version });
        const commentReports = reports.get(event.comment.externalId);
        if (commentReports) pulledReports.push({ dedupeKey, hashSource: event.comment.source, reports: commentReports });
      }
      yield* pulledPage.events;
      cursor = pulledPage.nextCursor ?? cursor;
      if (!(pulledPage.hasMore ?? pulledPage.nextCursor !== null)) return;
    }
  }

  try {
    const rules = rulesInThread(await loadRuleEvaluator());
    const summary = await runImport({ events: pages(), format: kind, fileName: `${kind} ${redactUrl(config.siteUrl ?? "")}`.trim(), via: "connector", actor, rules });
    const linked = await getPgPool().query<{ commentId: number; siteStatus: string; status: string }>(LINK, [loaded.id, links.map((link) => link.dedupeKey), links.map((link) => link.externalId), links.map((link) => link.siteVersion), links.map((link) => link.siteStatus)]);
    const autoHidden = linked.rows.filter((row) => row.status === "HIDDEN" && connector.statusHintFor(row.siteStatus) !== "HIDDEN").map((row) => row.commentId);
    if (autoHidden.length > 0) await getPgPool().query(PUSH_AUTO_HIDES, [loaded.id, autoHidden]);
    const reported = await recordPulledReports(pulledReports, kind, actor, summary.batchId);
    const counts = { pulled, added: summary.added, duplicates: summary.duplicates, rejected: summary.rejected };
    await db.$transaction(async (tx) => {
      await tx.connector.update({ where: { id: loaded.id }, data: { cursor, lastSyncAt: new Date(), lastError: null } });
      await tx.connectorSync.update({ where: { id: sync.id }, data: { status: "COMPLETED", finishedAt: new Date(), importBatchId: summary.batchId, ...counts } });
      await recordAuditEvent(tx, { actor, action: "connector.sync", entityType: "connector", entityId: loaded.id, details: { kind, trigger, syncId: sync.id, importBatchId: summary.batchId, ...counts, reported } });
    });
    return { syncId: sync.id, status: "COMPLETED", ...counts, reported };
  } catch (error) {
    // Stored, audited and shown: an address in it (a redirect's Location) loses its credentials.
    const message = storableText(redactUrlsIn(error instanceof Error ? error.message : String(error)));
    await db.$transaction(async (tx) => {
      await tx.connector.update({ where: { id: loaded.id }, data: { lastSyncAt: new Date(), lastError: message } });
      await tx.connectorSync.update({ where: { id: sync.id }, data: { status: "FAILED", finishedAt: new Date(), pulled, error: message } });
      await recordAuditEvent(tx, { actor, action: "connector.sync_failed", entityType: "connector", entityId: loaded.id, details: { kind, trigger, syncId: sync.id, error: message } });
    });
    return { syncId: sync.id, status: "FAILED", pulled, added: 0, duplicates: 0, rejected: 0, error: message };
  }
}
