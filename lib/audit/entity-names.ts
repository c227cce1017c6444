import "server-only";
import { db } from "@/lib/db/client";

/**
 * Emails of the accounts a page of audit events concerns, by id: events whose details carry no
 * email (sign-ins, older events) still read as "bo@desk.example", not "user 6c0c33c6-…".
 */
export async function userEmailsOf(events: { entityType: string; entityId: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(events.filter((event) => event.entityType === "user" && event.entityId).map((event) => event.entityId as string))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.id, user.email]));
}

/** The event with the account's email added to its details when they lack one (for describe-event.ts). */
export function withUserEmail<T extends { entityType: string; entityId: string | null; details: unknown }>(event: T, emails: Map<string, string>): T {
  const email = event.entityType === "user" && event.entityId ? emails.get(event.entityId) : undefined;
  if (!email) return event;
  const details = typeof event.details === "object" && event.details !== null && !Array.isArray(event.details) ? event.details : {};
  return { ...event, details: { email, ...details } };
}
