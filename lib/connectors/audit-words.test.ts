import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/audit/describe-event";

// The connector's audit events read as sentences on the audit page, never with the credential.

const event = (action: string, details: unknown, entityType = "connector", entityId: string | null = "1") => ({ actorLabel: "ana@desk.example", action, entityType, entityId, details });

describe("connector audit events in words", () => {
  it("say what was set up, synced and resolved", () => {
    expect(describeAuditEvent(event("connector.create", { kind: "wordpress", settings: { siteUrl: "https://news.example.org" }, secretChanged: true }))).toBe(
      "ana@desk.example connected the wordpress site https://news.example.org",
    );
    expect(describeAuditEvent(event("connector.update", { kind: "wordpress", secretChanged: true, siteChanged: false }))).toBe("ana@desk.example changed the wordpress connector's settings (new credential)");
    expect(describeAuditEvent(event("connector.sync", { kind: "wordpress", trigger: "schedule", pulled: 12, added: 1 }))).toBe("ana@desk.example synced wordpress (schedule): 12 comments pulled, 1 new comment");
    expect(describeAuditEvent(event("connector.conflict", { detail: "the comment is 'spam' on the site; Moddesk last saw it 'approved'" }, "comment", "42"))).toBe(
      "ana@desk.example found comment #42 changed on the site since Moddesk saw it; the decision was not pushed (the comment is 'spam' on the site; Moddesk last saw it 'approved')",
    );
    expect(describeAuditEvent(event("connector.push_anyway", {}, "comment", "42"))).toBe("ana@desk.example pushed the decision on comment #42 over the site's change");
    expect(describeAuditEvent(event("connector.keep_site_state", {}, "comment", "42"))).toBe("ana@desk.example kept the site's state of comment #42 (the decision was not pushed)");
  });
});
