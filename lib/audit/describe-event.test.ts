import { describe, expect, it } from "vitest";
import { describeAuditEvent, describeSubject } from "./describe-event";

const event = (action: string, details: unknown, entityType = "comment", entityId: string | null = "42") => ({ actorLabel: "ana@desk.example", action, entityType, entityId, details });

describe("audit events in words", () => {
  it("says who did what, with the reason, in words", () => {
    expect(describeAuditEvent(event("comment.hide", { reason: "ABUSIVE", fromStatus: "PENDING", toStatus: "HIDDEN" }))).toBe("ana@desk.example hid a comment (abusive)");
    expect(describeAuditEvent(event("comment.approve", {}))).toBe("ana@desk.example approved a comment");
    expect(describeAuditEvent(event("comment.hide", { reason: "OFF_TOPIC" }))).toBe("ana@desk.example hid a comment (off-topic)");
  });

  it("names accounts and rules by name, never by id", () => {
    const roleChange = event("user.change_role", { email: "bo@desk.example", before: { role: "admin" }, after: { role: "moderator" } }, "user", "6c0c33c6-1111-2222-3333-444455556666");
    expect(describeAuditEvent(roleChange)).toBe("ana@desk.example made bo@desk.example a moderator (was admin)");
    expect(describeAuditEvent(roleChange)).not.toContain("6c0c33c6");
    expect(describeSubject({ entityType: "rule", entityId: "7", details: { after: { name: "Insults" } } })).toBe("the rule “Insults”");
    expect(describeSubject({ entityType: "user", entityId: "6c0c33c6", details: {} })).toBe("an account");
  });

  it("reads counts and bulk runs as sentences", () => {
    expect(describeAuditEvent(event("comment.bulk_start", { action: "HIDE", reason: "SPAM", total: 4000 }, "bulk_run", "3"))).toBe("ana@desk.example started to hide 4,000 comments matching a filter (spam)");
    expect(describeAuditEvent(event("comment.bulk_start", { action: "UNDO", undoesRunId: 3, total: 3990 }, "bulk_run", "4"))).toBe(
      "ana@desk.example started to undo bulk decision #3 (3,990 comments; one decided by anyone since is left as it is)",
    );
    expect(describeAuditEvent(event("export.decisions", { rows: 1, format: "csv", completed: true }, "export", null))).toBe("ana@desk.example exported 1 decision as csv");
  });

  it("says which scopes an API token was made with (events from before scopes name none)", () => {
    expect(describeAuditEvent(event("api_token.create", { name: "CMS", scopes: ["comments:ingest", "reports:ingest"] }, "api_token", "3"))).toBe("ana@desk.example created the API token “CMS” with the scopes comments:ingest, reports:ingest");
    expect(describeAuditEvent(event("api_token.create", { name: "CMS" }, "api_token", "3"))).toBe("ana@desk.example created the API token “CMS”");
  });

  it("still reads an action it does not know", () => {
    expect(describeAuditEvent(event("widget.frobnicate", {}, "widget", "9"))).toBe("ana@desk.example widget frobnicate (widget 9)");
  });
});

describe("webhook and DSA events in words", () => {
  it("names the endpoint or delivery, and never shows a URL's secret", () => {
    expect(describeAuditEvent(event("webhook.create", { url: "https://hooks.example.org/in?token=s3cret" }, "webhook_endpoint", "4"))).toBe(
      "ana@desk.example added webhook endpoint #4 (https://hooks.example.org/in?token=***)",
    );
    expect(describeAuditEvent(event("webhook.test", { deliveryId: 9 }, "webhook_endpoint", "4"))).toBe("ana@desk.example sent a test event to webhook endpoint #4");
    expect(describeAuditEvent(event("webhook.resend", {}, "webhook_delivery", "9"))).toBe("ana@desk.example sent webhook delivery #9 again");
    expect(describeAuditEvent(event("webhook.disable", {}, "webhook_endpoint", "4"))).toBe("ana@desk.example switched off webhook endpoint #4");
    expect(describeAuditEvent(event("webhook.disable", { reason: "the receiver answered 410 Gone", deliveryId: 9 }, "webhook_endpoint", "4"))).toBe(
      "ana@desk.example switched off webhook endpoint #4 (the receiver answered 410 Gone)",
    );
    expect(describeAuditEvent(event("webhook.resend_dead", { requeued: 1234 }, "webhook_endpoint", "4"))).toBe("ana@desk.example queued the dead deliveries of webhook endpoint #4 again (1,234)");
  });

  it("counts the DSA statements a download held", () => {
    expect(describeAuditEvent(event("export.dsa_statements", { statements: 101, format: "batches", completed: true }, "export", null))).toBe("ana@desk.example downloaded 101 DSA statements of reasons as batches");
  });
});

describe("a connector's site address in words", () => {
  it("is said without credentials an old event may hold", () => {
    expect(describeAuditEvent(event("connector.create", { kind: "wordpress", settings: { siteUrl: "https://news.example.org/?key=s3cret" } }, "connector", "1"))).toBe(
      "ana@desk.example connected the wordpress site https://news.example.org/?key=***",
    );
    expect(describeAuditEvent(event("connector.create", { kind: "disqus", settings: { forum: "harbour-gazette" } }, "connector", "2"))).toBe("ana@desk.example connected the disqus site harbour-gazette");
  });
});
