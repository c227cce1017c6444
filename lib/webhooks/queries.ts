import "server-only";
import { db } from "@/lib/db/client";
import { redactUrl } from "@/lib/security/redact-url";

export interface EndpointView {
  id: number;
  /** As shown: credentials written into the address are "***" (deliveries use the stored one). */
  url: string;
  events: string[];
  timeoutMs: number;
  allowPrivateNetwork: boolean;
  enabled: boolean;
  createdAt: Date;
  previousSecretUntil: Date | null;
  /** The breaker (endpoint-breaker.ts): failed attempts in a row, since when, paused until when. */
  consecutiveFailures: number;
  failingSince: Date | null;
  pausedUntil: Date | null;
  pending: number;
  dead: number;
}

export interface DeliveryView {
  id: number;
  endpointId: number;
  eventType: string;
  orderingKey: string;
  status: "PENDING" | "SUCCEEDED" | "DEAD";
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastResponse: string | null;
  createdAt: Date;
}

export async function listWebhookEndpoints(): Promise<EndpointView[]> {
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({ orderBy: { id: "asc" }, select: { id: true, url: true, events: true, timeoutMs: true, allowPrivateNetwork: true, enabled: true, createdAt: true, previousSecretUntil: true, consecutiveFailures: true, failingSince: true, pausedUntil: true } }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { status: { in: ["PENDING", "DEAD"] } }, _count: { _all: true } }),
  ]);
  const countOf = (endpointId: number, status: string) => counts.find((row) => row.endpointId === endpointId && row.status === status)?._count._all ?? 0;
  return endpoints.map((endpoint) => ({ ...endpoint, url: redactUrl(endpoint.url), pending: countOf(endpoint.id, "PENDING"), dead: countOf(endpoint.id, "DEAD") }));
}

/** The latest deliveries, newest first (keyset on id). */
export async function listRecentDeliveries(limit = 50): Promise<DeliveryView[]> {
  return db.webhookDelivery.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, endpointId: true, eventType: true, orderingKey: true, status: true, attempts: true, nextAttemptAt: true, lastAttemptAt: true, lastStatusCode: true, lastLatencyMs: true, lastResponse: true, createdAt: true },
  });
}
