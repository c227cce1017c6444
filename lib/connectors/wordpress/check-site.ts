import type { ConnectorFetch } from "../connector";
import type { WordpressConfig } from "./config";
import { REASON_META_KEY } from "./push";
import { REPORTS_META_KEY } from "./reports-meta";
import { callRest, restUrl } from "./rest-client";
import { wordpressStatusHint } from "./status-map";

// Before the first sync: asks the site what a sync and a push would meet, writing nothing. The
// credentials and the user's moderate_comments capability (/wp/v2/users/me, edit context), how many
// comments each status holds and what Moddesk makes of them (X-WP-Total of a one-comment page per
// status), whether the meta keys for the hide reason and readers' reports are registered, and the
// site's time zone. Sources: https://developer.wordpress.org/rest-api/reference/comments/,
// https://developer.wordpress.org/rest-api/reference/users/,
// https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/ (X-WP-Total).

export interface SiteCheckFinding {
  severity: "problem" | "note";
  message: string;
}

export interface SiteCheck {
  findings: SiteCheckFinding[];
  /** Comments per WordPress status (the list filter's names: approve, hold, spam, trash) and what a pull makes of them. */
  statuses: Array<{ status: string; comments: number; inModdesk: "PENDING" | "HIDDEN" | "APPROVED" }>;
}

// The list filter says "approve"; a comment's own status field says "approved".
const LIST_STATUSES = [
  ["approve", "approved"],
  ["hold", "hold"],
  ["spam", "spam"],
  ["trash", "trash"],
] as const;

/** Whether the zone's UTC offset differs between January and July: its clocks change. */
export function hasDaylightSavingTime(timeZone: string, year: number): boolean {
  const offset = (month: number) => {
    try {
      const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(new Date(Date.UTC(year, month, 15))).find((part) => part.type === "timeZoneName")?.value;
      return name ?? "";
    } catch {
      return "";
    }
  };
  const [january, july] = [offset(0), offset(6)];
  return january !== "" && january !== july;
}

export async function checkWordpressSite(config: WordpressConfig, fetchFn: ConnectorFetch, now = new Date()): Promise<SiteCheck> {
  const findings: SiteCheckFinding[] = [];
  const problem = (message: string) => findings.push({ severity: "problem", message });
  const note = (message: string) => findings.push({ severity: "note", message });
  const statuses: SiteCheck["statuses"] = [];

  const index = await callRest<{ home?: string; timezone_string?: string; gmt_offset?: number | string; authentication?: Record<string, unknown> }>(config, fetchFn, restUrl(config, "/"));
  if (!index.ok) {
    problem(`the REST API index: ${index.detail}`);
    return { findings, statuses };
  }
  const home = typeof index.body.home === "string" ? index.body.home.replace(/\/+$/, "") : null;
  if (home && home !== config.siteUrl) note(`WordPress gives its Site Address as ${home}; the connector uses ${config.siteUrl}`);
  if (index.body.authentication && !("application-passwords" in index.body.authentication)) problem("the site offers no application passwords (WordPress 5.6 or later, over https or with WP_ENVIRONMENT_TYPE local, and not turned off by a plugin)");
  const zone = index.body.timezone_string;
  if (zone && hasDaylightSavingTime(zone, now.getUTCFullYear())) note(`the site's time zone ${zone} changes its clocks: each pull overlaps the hour before the newest comment, so the hour that repeats in autumn is not skipped`);

  const me = await callRest<{ name?: string; capabilities?: Record<string, boolean> }>(config, fetchFn, restUrl(config, "/wp/v2/users/me", { context: "edit", _fields: "id,name,capabilities" }));
  if (!me.ok) {
    problem(`signing in as ${config.username}: ${me.detail}`);
    return { findings, statuses };
  }
  if (me.body.capabilities?.moderate_comments !== true) problem(`${config.username} lacks the moderate_comments capability (an Editor or an Administrator has it): pushes will be refused`);

  let metaSeen: Record<string, unknown> | null = null;
  for (const [listStatus, commentStatus] of LIST_STATUSES) {
    const page = await callRest<Array<{ id: number; meta?: Record<string, unknown> | unknown[] }>>(config, fetchFn, restUrl(config, "/wp/v2/comments", { context: "edit", status: listStatus, per_page: 1, _fields: "id,meta" }));
    if (!page.ok) {
      problem(`reading ${commentStatus} comments: ${page.detail}`);
      continue;
    }
    // Number(null) is 0: a header dropped on the way (a cache, a proxy) must not read as an empty status.
    const header = page.headers.get("x-wp-total");
    const total = header === null ? Number.NaN : Number(header);
    statuses.push({ status: commentStatus, comments: Number.isFinite(total) ? total : page.body.length, inModdesk: wordpressStatusHint(commentStatus) });
    const meta = page.body[0]?.meta;
    if (metaSeen === null && meta !== undefined) metaSeen = Array.isArray(meta) ? {} : meta;
  }
  if (metaSeen === null) note("no comment on the site yet: the meta keys cannot be checked");
  else {
    if (!(REASON_META_KEY in metaSeen)) note(`${REASON_META_KEY} is not registered: a hide writes the status alone, not the reason (docs/connectors.md, "The reason on the site")`);
    if (!(REPORTS_META_KEY in metaSeen)) note(`${REPORTS_META_KEY} is not registered: readers' reports from the site are not read`);
  }
  return { findings, statuses };
}
