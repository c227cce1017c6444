import { describe, expect, it } from "vitest";
import type { ConnectorFetch } from "../connector";
import { checkWordpressSite, hasDaylightSavingTime } from "./check-site";
import { wordpressConfigSchema } from "./config";

// A fake WordPress answering as its REST API does: the index, users/me in edit context, and a
// one-comment page per status with the X-WP-Total header.

const config = wordpressConfigSchema.parse({ siteUrl: "https://news.example.org", username: "desk", applicationPassword: "abcd efgh ijkl" });

interface SiteOptions {
  me?: { status: number; body: unknown };
  capabilities?: Record<string, boolean>;
  totals?: Record<string, number>;
  meta?: Record<string, unknown> | unknown[];
  index?: Record<string, unknown>;
  /** A proxy or cache in front of the site that drops WordPress's paging headers. */
  isWithoutTotals?: boolean;
}

function fakeSite(options: SiteOptions = {}) {
  const requested: URL[] = [];
  const fetchFn: ConnectorFetch = async (url) => {
    const target = new URL(url);
    requested.push(target);
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
    if (target.pathname === "/wp-json/") return json({ home: "https://news.example.org", timezone_string: "Europe/Berlin", gmt_offset: 1, authentication: { "application-passwords": {} }, ...options.index });
    if (target.pathname === "/wp-json/wp/v2/users/me") return options.me ? json(options.me.body, options.me.status) : json({ id: 2, name: "Desk", capabilities: options.capabilities ?? { moderate_comments: true, edit_posts: true } });
    if (target.pathname === "/wp-json/wp/v2/comments") {
      const total = options.totals?.[target.searchParams.get("status") ?? ""] ?? 0;
      return json(total > 0 ? [{ id: 5, meta: options.meta ?? { moddesk_reason: "", moddesk_reports: "" } }] : [], 200, options.isWithoutTotals ? {} : { "X-WP-Total": String(total), "X-WP-TotalPages": String(total) });
    }
    return json({ code: "rest_no_route" }, 404);
  };
  return { fetchFn, requested };
}

describe("checking a WordPress site before the first sync", () => {
  it("without X-WP-Total (stripped on the way), counts the page it got rather than saying 0", async () => {
    const site = fakeSite({ totals: { approve: 1200 }, isWithoutTotals: true });
    const check = await checkWordpressSite(config, site.fetchFn, new Date("2026-12-07T00:00:00Z"));
    expect(check.statuses.find((entry) => entry.status === "approved")?.comments).toBe(1);
  });

  it("counts each status with X-WP-Total and says what a pull makes of it, with nothing to fix", async () => {
    const site = fakeSite({ totals: { approve: 1200, hold: 14, spam: 300, trash: 2 } });
    const check = await checkWordpressSite(config, site.fetchFn, new Date("2026-12-07T00:00:00Z"));
    expect(check.statuses).toEqual([
      { status: "approved", comments: 1200, inModdesk: "PENDING" },
      { status: "hold", comments: 14, inModdesk: "PENDING" },
      { status: "spam", comments: 300, inModdesk: "HIDDEN" },
      { status: "trash", comments: 2, inModdesk: "HIDDEN" },
    ]);
    expect(check.findings.filter((finding) => finding.severity === "problem")).toEqual([]);
    expect(check.findings.map((finding) => finding.message)).toEqual([expect.stringContaining("Europe/Berlin changes its clocks")]);
    // The list filter's own names (approve, not approved), one comment per page, edit context.
    expect(site.requested.filter((url) => url.pathname.endsWith("/comments")).map((url) => [url.searchParams.get("status"), url.searchParams.get("per_page"), url.searchParams.get("context")])).toEqual([
      ["approve", "1", "edit"],
      ["hold", "1", "edit"],
      ["spam", "1", "edit"],
      ["trash", "1", "edit"],
    ]);
  });

  it("stops at credentials WordPress refuses, with the reason in words", async () => {
    const site = fakeSite({ me: { status: 401, body: { code: "incorrect_password", message: "The provided password is an invalid application password." } } });
    const check = await checkWordpressSite(config, site.fetchFn);
    expect(check.findings.filter((finding) => finding.severity === "problem")).toEqual([{ severity: "problem", message: expect.stringMatching(/^signing in as desk: HTTP 401 incorrect_password.*application password/) }]);
    expect(check.statuses).toEqual([]);
  });

  it("names a user who cannot moderate, meta keys the site does not register, and a site without application passwords", async () => {
    const site = fakeSite({ capabilities: { read: true }, totals: { approve: 3 }, meta: [], index: { authentication: {}, timezone_string: "" } });
    const messages = (await checkWordpressSite(config, site.fetchFn)).findings.map((finding) => `${finding.severity}: ${finding.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^problem: the site offers no application passwords/),
      expect.stringMatching(/^problem: desk lacks the moderate_comments capability/),
      expect.stringMatching(/^note: moddesk_reason is not registered/),
      expect.stringMatching(/^note: moddesk_reports is not registered/),
    ]);
  });

  it("tells a zone with daylight saving time from one without", () => {
    expect(hasDaylightSavingTime("Europe/Berlin", 2026)).toBe(true);
    expect(hasDaylightSavingTime("America/New_York", 2026)).toBe(true);
    expect(hasDaylightSavingTime("Asia/Karachi", 2026)).toBe(false);
    expect(hasDaylightSavingTime("UTC", 2026)).toBe(false);
    expect(hasDaylightSavingTime("Not/AZone", 2026)).toBe(false);
  });
});
