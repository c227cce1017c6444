import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeModerator } from "@/lib/moderation/test-factories";
import type { ConnectorFetch } from "../connector";
import { saveConnectorSettings } from "../connector-settings";
import { drainConnector } from "../drain-push-outbox";
import { getConnectorView } from "../queries";
import { syncConnector } from "../sync-connector";
import { FORUM, actionOk, detailsApprovedFlagged, emptyPage, listPage1, listPage2 } from "./fixtures";

// Disqus through the shared side the Connectors page drives (registry, stored settings, sync,
// reports, the push outbox), against answers in Disqus API 3.0's documented shape.

const admin = { id: null, label: "disqus-test" };

function fakeDisqus() {
  const requests: Array<{ resource: string; params: URLSearchParams }> = [];
  let listed = 0;
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  const fetchFn: ConnectorFetch = async (raw, init) => {
    const url = new URL(raw);
    const resource = url.pathname.replace("/api/3.0/", "").replace(/\.json$/, "");
    const params = init?.method === "POST" ? new URLSearchParams(String(init.body)) : url.searchParams;
    requests.push({ resource, params });
    if (resource === "forums/listPosts") return json([listPage1, listPage2, emptyPage][Math.min(listed++, 2)]);
    if (resource === "posts/details") return json(detailsApprovedFlagged);
    if (resource === "posts/remove" || resource === "posts/approve") return json(actionOk(params.get("post") ?? ""));
    throw new Error(`unexpected Disqus request ${resource}`);
  };
  return { fetchFn, requests };
}

describe("the Disqus connector on the Connectors page's shared side", () => {
  it("keeps its credentials out of the view, pulls posts with readers' reports, and pushes a hide as a removal", async () => {
    await saveConnectorSettings("disqus", { forum: FORUM, apiKey: "public-key", apiSecret: "secret-key-123", accessToken: "moderator-token-456", hideAs: "remove" }, true, admin);
    const view = await getConnectorView("disqus");
    expect(view).toMatchObject({ kind: "disqus", hasSecret: true, settings: { forum: FORUM, apiKey: "public-key", hideAs: "remove" } });
    expect(JSON.stringify(view?.settings)).not.toMatch(/secret-key-123|moderator-token-456/);
    // Saving again with the credentials left blank keeps the stored ones.
    await saveConnectorSettings("disqus", { forum: FORUM, apiKey: "public-key", apiSecret: "", accessToken: "", hideAs: "remove" }, true, admin);
    expect((await getConnectorView("disqus"))?.hasSecret).toBe(true);

    const site = fakeDisqus();
    const summary = await syncConnector("disqus", "manual", admin, { fetchFn: site.fetchFn });
    // Five posts listed; the deleted one whose text Disqus blanked is skipped (with a warning), not pulled.
    expect(summary).toMatchObject({ status: "COMPLETED", pulled: 4, added: 4 });
    expect(site.requests[0]?.params.get("access_token")).toBe("moderator-token-456");

    const reported = await db.comment.findUniqueOrThrow({ where: { dedupeKey: `disqus:id:${FORUM}/880002` }, select: { id: true, version: true, status: true, reportCount: true, parentId: true } });
    expect(reported.reportCount).toBe(3);
    expect(reported.parentId).not.toBeNull();

    const moderator = await makeModerator();
    await decideComment({ action: "HIDE", commentId: reported.id, expectedVersion: reported.version, expectedStatus: reported.status, reason: "ABUSIVE" }, moderator);
    const connectorId = (await getConnectorView("disqus"))!.id;
    expect(await drainConnector(connectorId, site.fetchFn)).toBe(1);
    const removal = site.requests.find((request) => request.resource === "posts/remove");
    expect(removal?.params.get("post")).toBe("880002");
    expect(await db.connectorPush.findFirstOrThrow({ where: { commentId: reported.id }, select: { status: true } })).toEqual({ status: "APPLIED" });
  });
});
