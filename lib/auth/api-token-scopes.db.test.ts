import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { uniqueId } from "@/lib/moderation/test-factories";
import { defineRoute } from "@/lib/route";
import { createApiToken, hashApiToken, listApiTokens, principalFromBearer } from "./api-token";
import { TOKEN_SCOPE_NAMES } from "./token-scopes";

// Least-privilege API tokens: a token holds the scopes it was made with, never more than its
// creator's role, and every route refuses a token without its scope (403 naming it) before it
// reads the body or runs.

async function makeUser(role: "admin" | "moderator") {
  const id = uniqueId(`scopes-${role}`);
  const email = `${id}@test.local`;
  await db.user.create({ data: { id, name: id, email, role } });
  return { id, label: email };
}

const post = (token: string, body: unknown = {}) =>
  new Request("http://127.0.0.1/api/v1/test", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("API token scopes", () => {
  it("are stored, listed and recorded in the creation's audit event", async () => {
    const admin = await makeUser("admin");
    const { id, token, scopes } = await createApiToken({ name: "CMS ingest", scopes: ["reports:ingest", "comments:ingest"] }, admin);
    expect(scopes).toEqual(["comments:ingest", "reports:ingest"]);
    expect(await principalFromBearer(`Bearer ${token}`)).toMatchObject({ tokenId: id, role: "admin", scopes: ["comments:ingest", "reports:ingest"] });
    expect((await listApiTokens()).find((item) => item.id === id)?.scopes).toEqual(["comments:ingest", "reports:ingest"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "api_token", entityId: String(id), action: "api_token.create" }, select: { details: true } });
    expect(event.details).toEqual({ name: "CMS ingest", scopes: ["comments:ingest", "reports:ingest"] });
  });

  it("are never more than the creator's role allows, and a refused token leaves no row and no event", async () => {
    const moderator = await makeUser("moderator");
    const name = uniqueId("too-wide");
    await expect(createApiToken({ name, scopes: ["comments:read", "comments:ingest"] }, moderator)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("'comments:ingest'") });
    await expect(createApiToken({ name, scopes: [] }, moderator)).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.apiToken.count({ where: { name } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "api_token.create", actorId: moderator.id } })).toBe(0);
    await db.user.update({ where: { id: moderator.id }, data: { disabledAt: new Date() } });
    await expect(createApiToken({ name, scopes: ["comments:read"] }, moderator)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("are enforced by every route: 403 naming the missing scope, before the body is read or the route runs", async () => {
    const admin = await makeUser("admin");
    let runs = 0;
    const ingest = defineRoute({ name: "POST /test/scoped-ingest", permission: "imports:run", scope: "comments:ingest", input: z.object({ n: z.number() }), run: async () => ({ ran: ++runs }) });
    const reader = await createApiToken({ name: "reader", scopes: ["comments:read", "exports:read"] }, admin);
    const refused = await ingest(post(reader.token, { n: 1 }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "FORBIDDEN", missingScope: "comments:ingest", message: expect.stringContaining("'comments:ingest'") } });
    // Not a 400 for a body it may not send anyway: the scope is decided first.
    expect((await ingest(post(reader.token, "not an object"))).status).toBe(403);
    expect(runs).toBe(0);

    const feeder = await createApiToken({ name: "feeder", scopes: ["comments:ingest"] }, admin);
    expect(await (await ingest(post(feeder.token, { n: 1 }))).json()).toEqual({ ran: 1 });
  });

  it("each stand for one permission: a route pairing a scope with another permission does not load", () => {
    expect(() => defineRoute({ name: "GET /test/mispaired", permission: "exports:run", scope: "comments:read", input: z.object({}), run: async () => ({}) })).toThrow(/comments:read stands for queue:read/);
  });

  it("shrink with their creator: an admin's ingest token stops ingesting when the admin becomes a moderator", async () => {
    const admin = await makeUser("admin");
    const route = defineRoute({ name: "POST /test/scoped-demoted", permission: "imports:run", scope: "comments:ingest", input: z.object({}), run: async () => ({ ok: true }) });
    const { token } = await createApiToken({ name: "feed", scopes: ["comments:ingest"] }, admin);
    expect((await route(post(token))).status).toBe(200);
    await db.user.update({ where: { id: admin.id }, data: { role: "moderator" } });
    expect((await route(post(token))).status).toBe(403);
  });

  it("of a token made before scopes are all five after the migration (what it could do before); one with none can do nothing", async () => {
    const admin = await makeUser("admin");
    const legacy = uniqueId("legacy");
    const empty = uniqueId("empty");
    await db.$executeRaw`INSERT INTO api_token (name, "tokenHash", prefix, "createdById", scopes) VALUES (${legacy}, ${legacy}, 'mdk_legacy', ${admin.id}, NULL), (${empty}, ${empty}, 'mdk_empty', ${admin.id}, '{}')`;
    const folder = path.join(process.cwd(), "prisma/migrations");
    const migration = readdirSync(folder).find((name) => name.endsWith("_api_token_scopes"));
    const backfill = readFileSync(path.join(folder, migration ?? "missing", "migration.sql"), "utf8")
      .split(";")
      .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
      .filter((statement) => statement.startsWith("UPDATE"));
    expect(backfill).toHaveLength(1);
    await db.$executeRawUnsafe(backfill[0]!);
    expect((await db.apiToken.findFirstOrThrow({ where: { name: legacy }, select: { scopes: true } })).scopes).toEqual([...TOKEN_SCOPE_NAMES]);
    expect((await db.apiToken.findFirstOrThrow({ where: { name: empty }, select: { scopes: true } })).scopes).toEqual([]);
  });

  it("of a row written by hand with NULL are none: the token authenticates but may call no route", async () => {
    const admin = await makeUser("admin");
    const token = `mdk_${uniqueId("null-scopes")}`;
    await db.$executeRaw`INSERT INTO api_token (name, "tokenHash", prefix, "createdById", scopes) VALUES ('null scopes', ${hashApiToken(token)}, 'mdk_null', ${admin.id}, NULL)`;
    expect(await principalFromBearer(`Bearer ${token}`)).toMatchObject({ role: "admin", scopes: [] });
    const route = defineRoute({ name: "POST /test/scoped-null", permission: "queue:read", scope: "comments:read", input: z.object({}), run: async () => ({ ok: true }) });
    expect((await route(post(token))).status).toBe(403);
  });
});
