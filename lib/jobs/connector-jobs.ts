import "server-only";
import type PgBoss from "pg-boss";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { ConnectorKind } from "@/lib/connectors/connector";
import { startDrainingDueConnectors } from "@/lib/connectors/drain-push-outbox";
import { syncConnector } from "@/lib/connectors/sync-connector";
import { db } from "@/lib/db/client";
import { CONNECTOR_PUSH_QUEUE, CONNECTOR_SYNC_QUEUE } from "./boss";
import { sendTick } from "./periodic-jobs";

/** How often each connected site is pulled on its own (a "Sync now" or the CLI pulls at once). */
export const CONNECTOR_SYNC_EVERY_SECONDS = 300;
/** Seconds between looks for a due sync. */
const SYNC_TICK_SECONDS = 60;
/** Seconds between looks at the push outbox: the longest a decision waits before its first push. */
const PUSH_TICK_SECONDS = 2;

/** Syncs every enabled connector whose last sync is older than CONNECTOR_SYNC_EVERY_SECONDS. */
export async function handleConnectorSyncJob(boss: PgBoss): Promise<void> {
  try {
    const dueBefore = new Date(Date.now() - CONNECTOR_SYNC_EVERY_SECONDS * 1_000);
    const due = await db.connector.findMany({
      // A new connector's first scheduled pull comes one interval after it was set up ("Sync now" is the way to start at once).
      where: { enabled: true, OR: [{ lastSyncAt: null, createdAt: { lt: dueBefore } }, { lastSyncAt: { lt: dueBefore } }] },
      select: { kind: true },
    });
    for (const { kind } of due) {
      const summary = await syncConnector(kind as ConnectorKind, "schedule", SYSTEM_ACTOR);
      if (summary.status === "FAILED" && summary.error) console.error(`[connectors] ${kind} sync failed: ${summary.error}`);
    }
  } finally {
    await sendTick(boss, CONNECTOR_SYNC_QUEUE, SYNC_TICK_SECONDS);
  }
}

/** Starts a drain per connector with due pushes (not awaited: a site never holds the job). */
export async function handleConnectorPushJob(boss: PgBoss): Promise<void> {
  try {
    await startDrainingDueConnectors();
  } finally {
    await sendTick(boss, CONNECTOR_PUSH_QUEUE, PUSH_TICK_SECONDS);
  }
}
