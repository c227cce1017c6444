import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiToken } from "@/lib/auth/api-token";
import { makeModerator } from "@/lib/moderation/test-factories";
import { definePublicRoute, defineRoute } from "./route";

// Route handlers answer personal data (readers' comments, the queue, exports, a sign-in's cookie).
// Next adds no Cache-Control to a route handler's answer: GET /api/v1/comments went out without
// one, so the browser's disk cache kept it after sign-out and a shared proxy could store it.

const get = (headers: Record<string, string> = {}) => new Request("http://127.0.0.1/api/v1/test", { headers });

describe("Cache-Control on route handlers' answers", () => {
  it("is no-store on a JSON answer, a refusal and a Response the route built, and a route's own value is kept", async () => {
    const moderator = await makeModerator("no-store");
    const { token } = await createApiToken({ name: "no-store", scopes: ["comments:read"] }, moderator);
    const bearer = { authorization: `Bearer ${token}` };
    const json = defineRoute({ name: "GET /test/json", permission: "queue:read", scope: "comments:read", input: z.object({ page: z.string().optional() }), run: async () => ({ comments: [] }) });
    expect((await json(get(bearer))).headers.get("cache-control")).toBe("no-store");
    const refused = defineRoute({ name: "GET /test/refused", permission: "queue:read", scope: "comments:read", input: z.object({ page: z.string() }), run: async () => ({ comments: [] }) });
    const invalid = await refused(get(bearer));
    expect([invalid.status, invalid.headers.get("cache-control")]).toEqual([400, "no-store"]);

    // Response.redirect's headers are immutable: the answer is a copy with the header.
    const redirect = defineRoute({ name: "GET /test/redirect", permission: "queue:read", scope: "comments:read", input: z.object({}), run: async () => Response.redirect("http://127.0.0.1/queue", 302) });
    const redirected = await redirect(get(bearer));
    expect([redirected.status, redirected.headers.get("location"), redirected.headers.get("cache-control")]).toEqual([302, "http://127.0.0.1/queue", "no-store"]);

    const own = defineRoute({ name: "GET /test/own", permission: "queue:read", scope: "comments:read", input: z.object({}), run: async () => new Response("x", { headers: { "cache-control": "private, max-age=5" } }) });
    expect((await own(get(bearer))).headers.get("cache-control")).toBe("private, max-age=5");
  });

  it("is no-store on the public routes (a sign-in sets the session cookie)", async () => {
    const signIn = definePublicRoute({ name: "GET /test/public", input: z.object({}), run: async () => ({ userId: "u" }) });
    expect((await signIn(get())).headers.get("cache-control")).toBe("no-store");
  });
});
