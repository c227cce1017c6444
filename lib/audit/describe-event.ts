// An audit event in words: "ana@desk hid a comment (abusive)" instead of `comment.hide` and JSON.
// Pure: the page and the tests call it with the stored event.

import { redactUrl } from "@/lib/security/redact-url";

export interface DescribableEvent {
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
}

type Details = Record<string, unknown>;

const asDetails = (value: unknown): Details => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Details) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null);
/** A token's scopes as its creation event recorded them (events from before scopes have none). */
const tokenScopes = (value: unknown): string => {
  const scopes = Array.isArray(value) ? value.filter((scope): scope is string => typeof scope === "string") : [];
  return scopes.length > 0 ? ` with the scopes ${scopes.join(", ")}` : "";
};
const words = (value: unknown): string | null => text(value)?.toLowerCase().replaceAll("_", "-") ?? null;
const count = (value: unknown, noun: string): string => {
  const number = typeof value === "number" ? value : Number(value ?? 0);
  return `${number.toLocaleString("en-US")} ${noun}${number === 1 ? "" : "s"}`;
};
const nested = (details: Details, side: "before" | "after", field: string): unknown => asDetails(details[side])[field];
/** A connector's site: its address (without credentials, for events logged before they were redacted) or its forum. */
const siteOf = (settings: Details): string => {
  const siteUrl = text(settings.siteUrl);
  return siteUrl ? redactUrl(siteUrl) : (text(settings.forum) ?? "");
};
const withReason = (details: Details) => (words(details.reason) ? ` (${words(details.reason)})` : "");

/** What the event did, after the actor's name: "hid a comment (abusive)". */
const VERBS: Record<string, (details: Details, subject: string) => string> = {
  "comment.approve": () => "approved a comment",
  "comment.hide": (details) => `hid a comment${withReason(details)}`,
  "comment.auto_hide": (details) => `hid a comment automatically${withReason(details)} by a rule`,
  "comment.undo": () => "undid a decision on a comment (back to pending)",
  "comment.revert": (details) => `reverted a decision on a comment (now ${words(details.toStatus) ?? "changed"})`,
  "comment.note": () => "added a note to a comment",
  "comment.report": (details) => `passed on ${count(details.reports, "reader report")} (${count(details.added, "new one")}) on ${count(details.comments, "comment")} from ${text(details.source) ?? "a site"}`,
  "comment.bulk_start": (details) =>
    details.action === "UNDO"
      ? `started to undo bulk decision #${text(details.undoesRunId) ?? "?"} (${count(details.total, "comment")}; one decided by anyone since is left as it is)`
      : `started to ${details.action === "HIDE" ? "hide" : "approve"} ${count(details.total, "comment")} matching a filter${withReason(details)}`,
  "comment.bulk_finish": (details) => `finished a bulk decision: ${count(details.decided, "comment")} decided, ${count(details.skipped, "comment")} skipped`,
  "author.hide_pending": (details, subject) => `hid all pending comments of ${subject}${withReason(details)}: ${count(details.hidden, "comment")}`,
  "author.note": (_details, subject) => `added a note on ${subject}`,
  "author.watch": (_details, subject) => `changed the watch list entry for ${subject}`,
  "rule.create": (_details, subject) => `created ${subject}`,
  "rule.update": (_details, subject) => `edited ${subject}`,
  "rule.delete": (_details, subject) => `deleted ${subject}`,
  "rule.enable": (_details, subject) => `enabled ${subject}`,
  "rule.disable": (_details, subject) => `disabled ${subject}`,
  "rule.import": (_details, subject) => `imported ${subject}`,
  "rule.rotate_secret": (_details, subject) => `gave ${subject} a new signing secret (the old one signs too for a day)`,
  "rule.install_default_pack": (details) => `installed the default rule pack (${Array.isArray(details.rules) ? count(details.rules.length, "rule") : "rules"})`,
  "rule.rerun_requested": () => "asked to re-run the rules on pending comments",
  "import.complete": (details) => `imported ${text(details.fileName) ?? "a file"}: ${count(details.added, "comment")} added, ${count(details.duplicates, "duplicate")} skipped`,
  "import.fail": (details) => `tried to import ${text(details.fileName) ?? "a file"}, which failed`,
  "import.interrupted": (details) => `had the import of ${text(details.fileName) ?? "a file"} interrupted`,
  "connector.create": (details) => `connected the ${text(details.kind) ?? "site"} site ${siteOf(asDetails(details.settings))}`.trim(),
  "connector.update": (details) => `changed the ${text(details.kind) ?? "site"} connector's settings${details.secretChanged === true ? " (new credential)" : ""}${details.siteChanged === true ? " (a new site address: the sync starts over)" : ""}`,
  "connector.sync": (details) => `synced ${text(details.kind) ?? "a site"} (${text(details.trigger) ?? "manual"}): ${count(details.pulled, "comment")} pulled, ${count(details.added, "new comment")}`,
  "connector.sync_failed": (details) => `tried to sync ${text(details.kind) ?? "a site"}, which failed: ${text(details.error) ?? "?"}`,
  "connector.conflict": (details, subject) => `found ${subject} changed on the site since Moddesk saw it; the decision was not pushed (${text(details.detail) ?? ""})`,
  "connector.push_anyway": (_details, subject) => `pushed the decision on ${subject} over the site's change`,
  "connector.keep_site_state": (_details, subject) => `kept the site's state of ${subject} (the decision was not pushed)`,
  "connector.push_retry": (_details, subject) => `sent the decision on ${subject} to the site again`,
  "export.dsa_statements": (details) => `downloaded ${count(details.statements, "DSA statement")} of reasons as ${text(details.format) ?? "a file"}${details.completed === false ? " (stopped before the end)" : ""}`,
  "dsa.settings_update": () => "changed the DSA statement settings",
  "webhook.create": (details, subject) => `added ${subject}${text(details.url) ? ` (${redactUrl(text(details.url)!)})` : ""}`,
  "webhook.enable": (_details, subject) => `switched on ${subject}`,
  "webhook.disable": (details, subject) => `switched off ${subject}${text(details.reason) ? ` (${text(details.reason)})` : ""}`,
  "webhook.rotate_secret": (_details, subject) => `gave ${subject} a new signing secret (the old one signs too for a day)`,
  "webhook.resend": (_details, subject) => `sent ${subject} again`,
  "webhook.resend_dead": (details, subject) => `queued the dead deliveries of ${subject} again (${Number(details.requeued ?? 0).toLocaleString("en-US")})`,
  "webhook.test": (_details, subject) => `sent a test event to ${subject}`,
  "export.decisions": (details) => `exported ${count(details.rows, "decision")} as ${text(details.format) ?? "a file"}${details.completed === false ? " (stopped before the end)" : ""}`,
  "api_token.create": (details) => `created the API token ${text(details.name) ? `“${text(details.name)}”` : ""}${tokenScopes(details.scopes)}`.trim(),
  "api_token.revoke": () => "revoked an API token",
  "auth.sign_in": () => "signed in",
  "auth.sign_in_failed": () => "failed to sign in",
  "auth.sign_out": () => "signed out",
  "user.create": (details, subject) => `created the account ${subject} as ${text(details.role) ?? "moderator"}`,
  "user.disable": (details, subject) => `disabled ${subject} (${count(details.sessionsEnded, "session")} ended, ${count(details.tokensRevoked, "API token")} revoked)`,
  "user.enable": (_details, subject) => `enabled ${subject}`,
  "user.change_role": (details, subject) => `made ${subject} ${nested(details, "after", "role") === "admin" ? "an admin" : "a moderator"} (was ${text(nested(details, "before", "role")) ?? "?"})`,
  "user.reset_password": (_details, subject) => `reset the password of ${subject}`,
  "user.change_password": () => "changed their own password",
  "user.time_zone": (details) => `set their time zone to ${text(nested(details, "after", "timeZone")) ?? "the desk's"}`,
  "settings.time_zone": (details) => `set the desk's time zone to ${text(nested(details, "after", "timeZone")) ?? "?"}`,
  "insights.recount": (details) => `started re-counting Insights' days in ${text(nested(details, "after", "timeZone")) ?? "?"} (were ${text(nested(details, "before", "timeZone")) ?? "?"})`,
  "insights.recounted": (details) => `finished re-counting Insights' days in ${text(details.timeZone) ?? "?"}`,
  "suggestion_model.train": () => "retrained the suggestion model",
};

/** The thing the event concerns, by name where the details carry one: never a bare id if avoidable. */
export function describeSubject(event: Pick<DescribableEvent, "entityType" | "entityId" | "details">): string {
  const details = asDetails(event.details);
  const name = text(details.email) ?? text(details.name) ?? text(details.ruleName) ?? text(nested(details, "after", "name")) ?? text(nested(details, "before", "name"));
  switch (event.entityType) {
    case "comment":
      return event.entityId ? `comment #${event.entityId}` : "a comment";
    case "user":
      return name ?? "an account";
    case "rule":
      return name ? `the rule “${name}”` : event.entityId ? `rule #${event.entityId}` : "the rules";
    case "author":
      return event.entityId ? `the author “${event.entityId}”` : "an author";
    case "import_batch":
      return text(details.fileName) ?? (event.entityId ? `import #${event.entityId}` : "an import");
    case "api_token":
      return name ? `API token “${name}”` : "an API token";
    case "bulk_run":
      return event.entityId ? `bulk decision #${event.entityId}` : "a bulk decision";
    case "setting":
      return "desk settings";
    case "webhook_endpoint":
      return event.entityId ? `webhook endpoint #${event.entityId}` : "a webhook endpoint";
    case "webhook_delivery":
      return event.entityId ? `webhook delivery #${event.entityId}` : "a webhook delivery";
    default:
      return `${event.entityType.replaceAll("_", " ")}${event.entityId ? ` ${event.entityId}` : ""}`;
  }
}

/** "ana@desk hid a comment (abusive)". Unknown actions still read as words. */
export function describeAuditEvent(event: DescribableEvent): string {
  const details = asDetails(event.details);
  const subject = describeSubject(event);
  const verb = VERBS[event.action]?.(details, subject) ?? `${event.action.replaceAll(/[._]/g, " ")} (${subject})`;
  return `${event.actorLabel} ${verb}`;
}
