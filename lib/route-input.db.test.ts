import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiToken } from "@/lib/auth/api-token";
import { decideComment } from "@/lib/moderation/decide-comment";
import { decideRequestSchema } from "@/lib/moderation/schemas";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { db } from "@/lib/db/client";
import { defineAction } from "./action";
import { definePublicRoute, defineRoute, JSON_BODY_MAX_BYTES, PUBLIC_JSON_BODY_MAX_BYTES } from "./route";

// Every JSON body a route handler reads is counted as it streams in and refused past its limit
// (413), before any of it is parsed or kept: request.json() held the whole body in memory, however
// large, and the sign-in route does that for anyone, signed in or not.

const CHUNK = 64 * 1024;

/** A chunked body (no Content-Length) of `total` bytes inside one JSON string; `sent()` says how much was pulled. */
function endlessJson(total: number): { body: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const filler = new TextEncoder().encode("x".repeat(CHUNK));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"email":"'));
      if (sent >= total) {
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
        return;
      }
      sent += CHUNK;
      controller.enqueue(filler);
    },
  });
  return { body, sent: () => sent };
}

const post = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/v1/test", { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);

describe("JSON bodies of route handlers", () => {
  it("an anonymous sign-in body past 64 KB is a 413 before it is read whole, and the route never runs", async () => {
    let runs = 0;
    const route = definePublicRoute({ name: "POST /test/public", input: z.object({ email: z.string() }), run: async () => ({ ran: ++runs }) });
    const stream = endlessJson(200 * 1024 * 1024);
    const response = await route(post(stream.body));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("TOO_LARGE");
    expect(stream.sent()).toBeLessThanOrEqual(PUBLIC_JSON_BODY_MAX_BYTES + CHUNK);
    expect(runs).toBe(0);
  });

  it("a token's body past 10 MB is a 413 too; under it the route runs", async () => {
    const moderator = await makeModerator("body-limit");
    const { token } = await createApiToken({ name: "body-limit", scopes: ["comments:read"] }, moderator);
    let runs = 0;
    const route = defineRoute({ name: "POST /test/token", permission: "queue:read", scope: "comments:read", input: z.object({ email: z.string() }), run: async () => ({ ran: ++runs }) });
    const large = endlessJson(200 * 1024 * 1024);
    const refused = await route(post(large.body, { authorization: `Bearer ${token}` }));
    expect(refused.status).toBe(413);
    expect(large.sent()).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES + CHUNK);
    expect(runs).toBe(0);

    const small = await route(post(endlessJson(CHUNK * 2).body, { authorization: `Bearer ${token}` }));
    expect(small.status).toBe(200);
    expect(runs).toBe(1);
  });
});

describe("a NUL character (U+0000) in any input", () => {
  it("is a 400 naming the field, not the database's error as a 500, and nothing is decided", async () => {
    const moderator = await makeModerator("nul-route");
    const { token } = await createApiToken({ name: "nul-route", scopes: ["decisions:write"] }, moderator);
    const comment = await makeComment(await makeArticle());
    // The decisions route as app/api/v1/comments/[commentId]/decisions/route.ts defines it.
    const route = defineRoute({ name: "POST /test/decisions", permission: "comment:decide", scope: "decisions:write", input: decideRequestSchema, run: (input, { principal }) => decideComment(input, principal.actor) });
    const body = JSON.stringify({ action: "HIDE", reason: "SPAM", note: "see\u0000this", expectedVersion: 0, expectedStatus: "PENDING" });
    const response = await route(
      new Request("http://127.0.0.1/api/v1/comments/1/decisions", { method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ commentId: String(comment.id) }) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^note holds a NUL character/);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true } })).toEqual({ status: "PENDING" });
  });

  it("is refused by a server action with the field named", async () => {
    let runs = 0;
    const action = defineAction({ name: "test.nul", permission: "public", input: z.object({ name: z.string() }), run: async () => ++runs });
    await expect(action({ name: "rule\u0000" })).resolves.toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: [expect.stringMatching(/NUL/)] } });
    expect(runs).toBe(0);
  });
});

describe("half a UTF-16 surrogate pair in any input", () => {
  it("is a 400 naming the field from a route, and INVALID from an action, before anything runs", async () => {
    let runs = 0;
    const route = definePublicRoute({ name: "POST /test/surrogate", input: z.object({ terms: z.array(z.string()) }), run: async () => ({ runs: ++runs }) });
    const body = '{"terms":["fine","half \\ud800"]}';
    const response = await route(new Request("http://127.0.0.1/api/v1/test", { method: "POST", body, headers: { "content-type": "application/json" } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^terms\.1 holds half of a UTF-16 surrogate pair/);
    const action = defineAction({ name: "test.surrogate", permission: "public", input: z.object({ name: z.string() }), run: async () => ++runs });
    await expect(action({ name: "rule \udc00" })).resolves.toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: [expect.stringMatching(/surrogate pair/)] } });
    expect(runs).toBe(0);
  });
});

describe("the shape of a JSON body", () => {
  const jsonPost = (text: string, headers: Record<string, string> = {}) =>
    new Request("http://127.0.0.1/api/v1/test", { method: "POST", body: text, headers: { "content-type": "application/json", ...headers } });

  // 8 MB of `{"k0":1,…}` held the event loop (and so every other user) for 4 to 12 s by hand:
  // JSON.parse of a 600,000-field object, the route's copy of it and the NUL scan.
  it("refuses an object of 600,000 fields with a 400 naming the limit, before it is parsed, and the route never runs", async () => {
    const moderator = await makeModerator("shape-limit");
    const { token } = await createApiToken({ name: "shape-limit", scopes: ["comments:read"] }, moderator);
    let runs = 0;
    const route = defineRoute({ name: "POST /test/shape", permission: "queue:read", scope: "comments:read", input: z.looseObject({}), run: async () => ({ ran: ++runs }) });
    const fields = `{${Array.from({ length: 600_000 }, (_, index) => `"k${index}":1`).join(",")},"z":"\\u0000"}`;
    const refused = await route(jsonPost(fields, { authorization: `Bearer ${token}` }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/more than 1,000 fields/);
    const many = await route(jsonPost(`[${Array(30_000).fill("{}").join(",")}]`, { authorization: `Bearer ${token}` }));
    expect(many.status).toBe(413);
    expect((await many.json()).error.message).toMatch(/more than 20,000 values/);
    expect(runs).toBe(0);
  });

  it("an anonymous sign-in body nested 30,000 deep is a 400, not a walk", async () => {
    const route = definePublicRoute({ name: "POST /test/public-shape", input: z.object({ email: z.string() }), run: async () => ({ ran: true }) });
    const refused = await route(jsonPost(`${"[".repeat(30_000)}${"]".repeat(30_000)}`));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/more than 64 deep/);
  });
});

describe("the shape of a server action's input", () => {
  it("refuses 150,000 fields (2 MB of form) before the NUL scan and the schema walk them, and the action never runs", async () => {
    let runs = 0;
    const action = defineAction({ name: "test.shape", permission: "public", input: z.object({ name: z.string().optional() }), run: async () => ++runs });
    const form = new FormData();
    for (let index = 0; index < 150_000; index++) form.append(`k${index}`, "1");
    await expect(action(form)).resolves.toMatchObject({ ok: false, code: "INVALID", message: expect.stringMatching(/more than 1,000 fields/) });
    await expect(action({ name: "fine" })).resolves.toMatchObject({ ok: true });
    expect(runs).toBe(1);
  });
});
