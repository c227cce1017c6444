import { afterAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";
import { uniqueId } from "@/lib/moderation/test-factories";
import { createRule } from "@/lib/rules/create-rule";
import { getRuleForEdit, ruleConfigAsShown } from "@/lib/rules/queries";
import { ruleDraftSchema } from "@/lib/rules/rule-draft-schema";
import { createWebhookEndpoint, setWebhookEndpointEnabled } from "@/lib/webhooks/manage-endpoints";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";

// The audit log is append-only and hash-chained: a token typed into an outbound address and
// audited with it could never be taken out again. The log and the pages get the address without
// its credentials; deliveries use the address as it was entered.

const admin = { id: null, label: "outbound-url-audit-test" };
const ruleIds: number[] = [];
const endpointIds: number[] = [];

afterAll(async () => {
  await db.rule.updateMany({ where: { id: { in: ruleIds } }, data: { enabled: false, deletedAt: new Date() } });
  for (const id of endpointIds) await setWebhookEndpointEnabled(id, false, admin);
});

const auditDetails = async (action: string, entityId: number) =>
  (await db.auditEvent.findFirstOrThrow({ where: { action, entityId: String(entityId) }, orderBy: { id: "desc" }, select: { details: true } })).details as Record<string, unknown>;

describe("outbound addresses in the audit log and on the pages", () => {
  it("a webhook URL's token is audited and listed as ***, and the endpoint keeps the real URL for delivery", async () => {
    const entered = `https://receiver.example.org/moddesk?site=harbour&token=t0p-s3cret-${uniqueId("w")}`;
    const { id } = await createWebhookEndpoint({ url: entered, events: ["comment.decided"], timeoutMs: 1_000, allowPrivateNetwork: false }, admin);
    endpointIds.push(id);

    const details = await auditDetails("webhook.create", id);
    expect(details.url).toBe("https://receiver.example.org/moddesk?site=harbour&token=***");
    expect(JSON.stringify(details)).not.toContain("s3cret");
    expect((await listWebhookEndpoints()).find((endpoint) => endpoint.id === id)?.url).toBe("https://receiver.example.org/moddesk?site=harbour&token=***");
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { url: true } })).url).toBe(entered);
  });

  it("an EXTERNAL rule's endpoint key is audited as *** in the rule's before/after, and the rule keeps it", async () => {
    const entered = "https://scorer.example.org/score?api_key=k3y-s3cret-value";
    const draft = ruleDraftSchema.parse({
      name: uniqueId("redacted-scorer"), category: "ABUSIVE", kind: "EXTERNAL", severity: 3, action: "FLAG", enabled: false,
      config: { url: entered, thresholds: { ABUSIVE: 0.9 }, timeoutMs: 1_000 },
    });
    const { id } = await createRule(draft, admin);
    ruleIds.push(id);

    const details = await auditDetails("rule.create", id);
    expect((details.after as { config: { url: string } }).config.url).toBe("https://scorer.example.org/score?api_key=***");
    expect(JSON.stringify(details)).not.toContain("s3cret");
    expect(((await db.rule.findUniqueOrThrow({ where: { id }, select: { config: true } })).config as { url: string }).url).toBe(entered);

    // The rule's page: a reader who cannot edit it sees the key as ***, an editor the address as entered.
    const rule = await getRuleForEdit(id);
    expect((ruleConfigAsShown(rule!, false) as { url: string }).url).toBe("https://scorer.example.org/score?api_key=***");
    expect((ruleConfigAsShown(rule!, true) as { url: string }).url).toBe(entered);
  });

  it("every new event stores addresses without credentials, whichever code writes it, and the chain still verifies", async () => {
    // A caller that forgot to redact (the audit writer used to store what it was given, as given).
    const { id } = await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: admin,
        action: "test.outbound",
        entityType: "test",
        details: {
          endpoint: { url: "https://receiver.example.org/hook?token=t0p-s3cret", events: ["comment.decided"] },
          settings: { siteUrl: "https://editor:app-pa55-s3cret@site.example.org/" },
          error: "the site redirected to https://site.example.org/login?session=s3cret-cookie.",
          note: "see https://news.example.org/2026/12/06/storm-warning-for-the-coast#comment-12",
        },
      }),
    );
    const stored = (await db.auditEvent.findUniqueOrThrow({ where: { id }, select: { details: true } })).details as Record<string, unknown>;
    expect(JSON.stringify(stored)).not.toContain("s3cret");
    expect(stored).toMatchObject({
      endpoint: { url: "https://receiver.example.org/hook?token=***" },
      settings: { siteUrl: "https://***@site.example.org/" },
      error: "the site redirected to https://site.example.org/login?session=***.",
      // Not an address field: a moderator's text stays as written.
      note: "see https://news.example.org/2026/12/06/storm-warning-for-the-coast#comment-12",
    });
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});
