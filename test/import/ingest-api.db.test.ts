import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiToken, listApiTokens, principalFromBearer, revokeApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db/client";
import { ingestComments } from "@/lib/import/ingest-comments";
import { readJsonBody } from "@/lib/import/read-json-body";
import { ingestBodySchema } from "@/lib/import/schemas-ingest";

// The ingest API's domain side (the route adds only auth and the body cap) and its tokens.

async function makeAdmin() {
  const stamp = randomBytes(4).toString("hex");
  return db.user.create({ data: { id: `admin-${stamp}`, name: "Ingest admin", email: `admin-${stamp}@ingest.test`, role: "admin" }, select: { id: true, email: true } });
}

function article(comments: unknown[]) {
  return ingestBodySchema.parse({ id: "api-925511", title: "Pakistan building digital espionage capacity", comments });
}

describe("ingestComments", () => {
  it("answers per comment: created, rejected with a reason, then duplicate on a second send", async () => {
    const admin = await makeAdmin();
    const actor = { id: admin.id, label: admin.email };
    const body = article([
      { id: "api-1", author: "curious2", body: "Seeking is different than obtaining.", postedAt: "2015-07-23T13:43:00Z" },
      { id: "api-2", body: "No date here" },
      { id: "api-3", parentId: "api-1", body: "Reply to the first.", postedAt: "2015-07-23T14:00:00+05:00", status: "approved" },
    ]);
    const first = await ingestComments(body, actor);
    expect(first).toMatchObject({ created: 2, duplicates: 0, rejected: 1 });
    expect(first.comments).toEqual([
      { index: 0, id: expect.any(Number), key: "moddesk:id:api-1", status: "created" },
      { index: 1, key: "moddesk:id:api-2", status: "rejected", reason: "postedAt is missing" },
      { index: 2, id: expect.any(Number), key: "moddesk:id:api-3", status: "created" },
    ]);
    const reply = await db.comment.findUniqueOrThrow({ where: { id: first.comments[2]?.id }, select: { parentId: true, status: true, body: true, importBatch: { select: { via: true } } } });
    expect(reply).toEqual({ parentId: first.comments[0]?.id, status: "APPROVED", body: "Reply to the first.", importBatch: { via: "api" } });

    const second = await ingestComments(body, actor);
    expect(second).toMatchObject({ created: 0, duplicates: 2, rejected: 1 });
    expect(second.comments.map((result) => [result.status, result.id])).toEqual([["duplicate", first.comments[0]?.id], ["rejected", undefined], ["duplicate", first.comments[2]?.id]]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "import.complete", entityId: String(second.batchId) } });
    expect(audit).toMatchObject({ actorId: admin.id, details: expect.objectContaining({ via: "api", added: 0, duplicates: 2, rejected: 1 }) });
  });

  it("treats the same comment twice in one request as created then duplicate", async () => {
    const admin = await makeAdmin();
    const same = { id: "api-twice", body: "Twice.", postedAt: "2015-07-23T15:00:00Z" };
    const result = await ingestComments(article([same, same]), { id: admin.id, label: admin.email });
    expect(result.comments.map((c) => c.status)).toEqual(["created", "duplicate"]);
    expect(result.comments[1]?.id).toBe(result.comments[0]?.id);
  });

  it("refuses a body that is not the format at all", () => {
    expect(ingestBodySchema.safeParse({ comments: [] }).success).toBe(false);
    expect(ingestBodySchema.safeParse([]).success).toBe(false);
    expect(ingestBodySchema.safeParse({ title: "T", comments: "nope" }).success).toBe(false);
    expect(ingestBodySchema.safeParse([{ title: "T", comments: [{}] }]).success).toBe(true);
  });
});

describe("readJsonBody", () => {
  it("refuses a body over the limit with 413, even without a Content-Length, and bad JSON with 400", async () => {
    const big = new Request("http://x/api", { method: "POST", body: new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array(2048)), c.close()) }), duplex: "half" } as RequestInit);
    expect(await readJsonBody(big, 1024)).toMatchObject({ ok: false, status: 413, code: "TOO_LARGE" });
    const declared = new Request("http://x/api", { method: "POST", body: "{}", headers: { "content-length": "999999999" } });
    expect(await readJsonBody(declared, 1024)).toMatchObject({ ok: false, status: 413 });
    expect(await readJsonBody(new Request("http://x/api", { method: "POST", body: "{nope" }), 1024)).toMatchObject({ ok: false, status: 400 });
    expect(await readJsonBody(new Request("http://x/api", { method: "POST", body: '{"a":1}' }), 1024)).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe("API tokens", () => {
  it("authenticate as their admin until revoked; only the hash is stored; create and revoke are audited", async () => {
    const admin = await makeAdmin();
    const { id, token } = await createApiToken({ name: "CMS ingest", scopes: ["comments:ingest"] }, { id: admin.id, label: admin.email });
    expect(token).toMatch(/^mdk_[A-Za-z0-9_-]{32}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(row.prefix).toBe(token.slice(0, 10));
    expect(await principalFromBearer(`Bearer ${token}`)).toMatchObject({ tokenId: id, userId: admin.id, role: "admin" });
    expect(await principalFromBearer(`Bearer ${token}x`)).toBeNull();
    expect(await principalFromBearer(null)).toBeNull();
    expect((await listApiTokens()).find((item) => item.id === id)).toMatchObject({ name: "CMS ingest", createdBy: { email: admin.email }, revokedAt: null });

    await revokeApiToken(id, { id: admin.id, label: admin.email });
    expect(await principalFromBearer(`Bearer ${token}`)).toBeNull();
    await expect(revokeApiToken(id, { id: admin.id, label: admin.email })).rejects.toThrow(/No active token/);
    const actions = await db.auditEvent.findMany({ where: { entityType: "api_token", entityId: String(id) }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["api_token.create", "api_token.revoke"]);
  });
});
