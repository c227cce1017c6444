import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { redactUrlFields } from "@/lib/security/redact-url";
import type { ConnectorKind } from "./connector";
import { openConnectorSecrets, sealConnectorSecrets } from "./connector-secrets";
import { connectorFor } from "./registry";

// A connector's settings as stored: the credentials (the connector's secretFields) in `secret`,
// the rest in `settings`. Saving with a credential left blank keeps the stored one, so the admin
// never needs to see it again; it is never returned to the browser.

export interface LoadedConnector {
  id: number;
  kind: ConnectorKind;
  enabled: boolean;
  cursor: string | null;
  config: unknown;
}

function connectorOrThrow(kind: ConnectorKind) {
  const connector = connectorFor(kind);
  if (!connector) throw new AppError("NOT_FOUND", `Moddesk has no ${kind} connector.`);
  return connector;
}

function storedSecretsOrNone(stored: string): Record<string, unknown> {
  try {
    return openConnectorSecrets(stored);
  } catch {
    return {};
  }
}

function splitSecrets(config: Record<string, unknown>, secretFields: readonly string[]) {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(config)) (secretFields.includes(name) ? secrets : settings)[name] = value;
  return { settings, secrets };
}

export async function saveConnectorSettings(kind: ConnectorKind, input: Record<string, unknown>, enabled: boolean, actor: AuditActor): Promise<{ id: number }> {
  const connector = connectorOrThrow(kind);
  const secretFields = connector.secretFields ?? [];
  const existing = await db.connector.findUnique({ where: { kind }, select: { id: true, secret: true, settings: true } });
  // Credentials this installation's key cannot open (the audit key changed) count as none: the admin enters them again.
  const storedSecrets = existing ? storedSecretsOrNone(existing.secret) : {};
  const merged = { ...input };
  const keptSecretFields = secretFields.filter((field) => (typeof merged[field] !== "string" || merged[field] === "") && storedSecrets[field] !== undefined);
  for (const field of secretFields) if (typeof merged[field] !== "string" || merged[field] === "") merged[field] = storedSecrets[field];
  const parsed = connector.configSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`);
    throw new AppError("INVALID", problems.join(" "), { fields: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])) });
  }
  // An admin never sees a stored credential again, but pointing the site address at a server of
  // their own with the credential left blank would have the next sync send it there (a WordPress
  // application password: an editor's rights on the newsroom's site). A kept credential goes only
  // where it was entered for.
  const destination = (config: unknown) => {
    const valid = connector.configSchema.safeParse(config);
    return valid.success ? (connector.credentialDestination?.(valid.data) ?? null) : null;
  };
  if (existing && keptSecretFields.length > 0 && destination({ ...(existing.settings as object), ...storedSecrets }) !== destination(parsed.data)) {
    const message = "The site address changed: enter this credential again. A stored credential is only sent to the address it was entered for.";
    throw new AppError("INVALID", keptSecretFields.map((field) => `${field}: ${message}`).join(" "), { fields: Object.fromEntries(keptSecretFields.map((field) => [field, message])) });
  }
  const { settings, secrets } = splitSecrets(parsed.data as Record<string, unknown>, secretFields);
  const secretChanged = secretFields.some((field) => secrets[field] !== storedSecrets[field]);
  const identity = (config: unknown) => {
    const valid = connector.configSchema.safeParse(config);
    return valid.success ? (connector.siteIdentity?.(valid.data) ?? null) : null;
  };
  const siteChanged = existing !== null && identity({ ...(existing.settings as object), ...storedSecrets }) !== identity(parsed.data);
  return db.$transaction(async (tx) => {
    if (existing && siteChanged) {
      await tx.connector.update({ where: { id: existing.id }, data: { cursor: null } });
      await tx.connectorComment.deleteMany({ where: { connectorId: existing.id } });
      await tx.connectorPush.updateMany({ where: { connectorId: existing.id, status: { in: ["PENDING", "CONFLICT"] } }, data: { status: "FAILED", lastError: "the site address changed before this decision was pushed" } });
    }
    const row = await tx.connector.upsert({
      where: { kind },
      create: { kind, settings: settings as object, secret: sealConnectorSecrets(secrets), enabled, updatedById: actor.id },
      update: { settings: settings as object, secret: sealConnectorSecrets(secrets), enabled, updatedById: actor.id },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actor, action: existing ? "connector.update" : "connector.create", entityType: "connector", entityId: row.id, details: { kind, settings: redactUrlFields(settings), enabled, secretChanged, siteChanged } });
    return row;
  });
}

/** The connector with its full config (credentials included): for the sync and the outbox only. */
export async function loadConnector(kind: ConnectorKind): Promise<LoadedConnector | null> {
  const row = await db.connector.findUnique({ where: { kind }, select: { id: true, kind: true, enabled: true, cursor: true, settings: true, secret: true } });
  if (!row) return null;
  return { id: row.id, kind, enabled: row.enabled, cursor: row.cursor, config: { ...(row.settings as object), ...openConnectorSecrets(row.secret) } };
}

export async function loadConnectorById(id: number): Promise<LoadedConnector | null> {
  const row = await db.connector.findUnique({ where: { id }, select: { kind: true } });
  return row ? loadConnector(row.kind as ConnectorKind) : null;
}
