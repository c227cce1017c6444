import { z } from "zod";
import type { ConnectorFetch, PullPage, PushOutcome, PushRequest, SiteConnector } from "../connector";
import { parseTimestamp } from "@/lib/import/dates";
import type { ReaderReportInput } from "@/lib/reports/schemas";
import { DisqusApiError, disqusGet, disqusPost } from "./api";
import { listPostsResponseSchema, postActionResponseSchema, postDetailsResponseSchema, type DisqusPost } from "./api-shapes";
import { disqusConfigSchema, type DisqusConfig } from "./config";
import { mapPost, siteStatusOf, siteVersionOf, statusHintOf } from "./map-post";

// The Disqus connector (issue #16): pull with forums/listPosts, push with posts/approve, remove,
// spam and restore. Pure I/O through the fetch it is given; the shared sync side (cursors, outbox,
// conflicts, runImport, recordReaderReports) does the rest. Docs relied on:
// https://disqus.com/api/docs/forums/listPosts/ (forum, since, cursor, limit ≤ 100,
// include=unapproved|approved|spam|deleted|flagged, related=thread, order=asc|desc; answer
// {code, cursor: {next, hasNext}, response: [post]}), https://disqus.com/api/docs/posts/approve/
// and /posts/spam/ (POST, `post` allows multiple, caller must moderate the forum; answer
// {code: 0, response: [{id}]}), https://disqus.com/api/docs/requests/ and /docs/auth/ (api_key,
// api_secret, access_token). posts/remove, posts/restore and posts/details are listed in the
// API's resource index (https://disqus.com/api/docs/) with the same `post` argument.

/** Every status, so that deletions and spam on Disqus reach Moddesk too (the default is approved only). */
export const LIST_INCLUDE = ["unapproved", "approved", "spam", "deleted", "flagged"] as const;

const cursorSchema = z.strictObject({ since: z.number().int().nonnegative().optional(), cursor: z.string().min(1).optional() });
type DisqusCursor = z.infer<typeof cursorSchema>;

function readCursor(cursor: string | null): DisqusCursor {
  if (cursor === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(cursor);
  } catch {
    value = undefined;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw new DisqusApiError(`the stored Disqus sync cursor is not one this connector wrote: ${cursor.slice(0, 80)}`, false);
  return parsed.data;
}

/** A pulled page, plus the readers' flags Disqus reports per post (for recordReaderReports). */
export interface DisqusPullPage extends PullPage {
  reports: Array<{ externalId: string; reports: ReaderReportInput[] }>;
}

async function pull(config: DisqusConfig, cursor: string | null, fetchFn: ConnectorFetch): Promise<DisqusPullPage> {
  const at = readCursor(cursor);
  const params: Array<[string, string]> = [
    ["forum", config.forum],
    ["limit", String(config.pageSize)],
    ["order", "asc"],
    ["related", "thread"],
    ...LIST_INCLUDE.map((status): [string, string] => ["include", status]),
  ];
  if (at.since !== undefined) params.push(["since", String(at.since)]);
  if (at.cursor !== undefined) params.push(["cursor", at.cursor]);
  const answer = await disqusGet(config, "forums/listPosts", params, listPostsResponseSchema, fetchFn);
  const page: DisqusPullPage = { events: [], siteVersions: [], reports: [], nextCursor: null };
  const seenThreads = new Map<string, string>();
  let latest = at.since ?? 0;
  for (const [index, post] of answer.response.entries()) {
    const mapped = mapPost(post, { forum: config.forum, index, seenThreads, reviewApproved: config.reviewApproved });
    page.events.push(...mapped.events);
    // Skipped posts (deleted, no text) count too: the next run starts past them.
    const createdAt = parseTimestamp(post.createdAt, { utcOffsetMinutes: 0 });
    if (createdAt) latest = Math.max(latest, Math.floor(createdAt.getTime() / 1000));
    if (!mapped.events.some((event) => event.type === "comment")) continue;
    page.siteVersions.push({ externalId: post.id, siteVersion: siteVersionOf(post), siteStatus: siteStatusOf(post) });
    if (mapped.reports.length > 0) page.reports.push({ externalId: post.id, reports: mapped.reports });
  }
  if (answer.cursor.hasNext && answer.cursor.next) page.nextCursor = JSON.stringify({ ...(at.since !== undefined ? { since: at.since } : {}), cursor: answer.cursor.next });
  // Disqus has no "changed since": the next run asks for posts created from the newest one seen
  // (that second again: a post read twice is a duplicate to the import, never a loss).
  else if (answer.response.length > 0) page.nextCursor = JSON.stringify({ since: latest });
  return page;
}

function siteStatusFor(config: DisqusConfig, decision: PushRequest["decision"]): string {
  switch (decision) {
    case "APPROVE":
      return "approved";
    case "HIDE":
      return config.hideAs === "spam" ? "spam" : "deleted";
    case "UNDO":
      // Disqus cannot un-approve: an undo brings a removed or spam post back (posts/restore).
      return "restored";
  }
}

async function currentPost(config: DisqusConfig, externalId: string, fetchFn: ConnectorFetch): Promise<DisqusPost> {
  return (await disqusGet(config, "posts/details", [["post", externalId]], postDetailsResponseSchema, fetchFn)).response;
}

/** The Disqus calls that take a post from `current` to what the decision asks. */
function actionsFor(config: DisqusConfig, decision: PushRequest["decision"], current: DisqusPost | null): string[] {
  const isGone = current !== null && (current.isDeleted || current.isSpam);
  switch (decision) {
    case "APPROVE":
      // A removed or spam post must come back before it can be approved.
      return isGone ? ["posts/restore", "posts/approve"] : ["posts/approve"];
    case "HIDE":
      return [config.hideAs === "spam" ? "posts/spam" : "posts/remove"];
    case "UNDO":
      return isGone ? ["posts/restore"] : [];
  }
}

async function push(config: DisqusConfig, request: PushRequest, fetchFn: ConnectorFetch): Promise<PushOutcome> {
  try {
    // An undo must know what it undoes; any push with an expected version checks it first.
    const current = request.expectedSiteVersion !== undefined || request.decision === "UNDO" ? await currentPost(config, request.externalId, fetchFn) : null;
    if (current && request.expectedSiteVersion !== undefined && siteVersionOf(current) !== request.expectedSiteVersion) {
      return {
        outcome: "conflict",
        siteStatus: siteStatusOf(current),
        siteVersion: siteVersionOf(current),
        detail: `Disqus post ${request.externalId} changed on Disqus since Moddesk read it (now ${siteStatusOf(current)}${current.isEdited ? ", edited" : ""}); nothing was sent`,
      };
    }
    for (const resource of actionsFor(config, request.decision, current)) {
      await disqusPost(config, resource, [["post", request.externalId]], postActionResponseSchema, fetchFn);
    }
    if (!current) return { outcome: "applied" };
    if (request.decision === "UNDO") {
      // Nothing to undo on Disqus: the post stands as it is. Restored: Disqus decides what it
      // becomes, so the version is left for the next read to learn.
      return current.isDeleted || current.isSpam ? { outcome: "applied" } : { outcome: "applied", siteVersion: siteVersionOf(current) };
    }
    const status = siteStatusFor(config, request.decision);
    return { outcome: "applied", siteVersion: siteVersionOf({ ...current, isDeleted: status === "deleted", isSpam: status === "spam", isApproved: status === "approved" || current.isApproved }) };
  } catch (error) {
    if (!(error instanceof DisqusApiError)) throw error;
    return error.retryable ? { outcome: "retry", detail: error.message, ...(error.detail.retryAfter ? { retryAfter: error.detail.retryAfter } : {}) } : { outcome: "failed", detail: error.message };
  }
}

/** A SiteConnector whose pull also hands back the readers' flags (DisqusPullPage.reports). */
export const disqusConnector: Omit<SiteConnector<DisqusConfig>, "pull"> & { pull: typeof pull } = {
  kind: "disqus",
  configSchema: disqusConfigSchema as z.ZodType<DisqusConfig>,
  // The application's secret key and the moderator's token are credentials; the public key is not.
  secretFields: ["apiSecret", "accessToken"],
  // Another forum means other post ids: the sync starts over and old links are not pushed.
  siteIdentity: (config) => `disqus:${config.forum.toLowerCase()}`,
  pull,
  push,
  siteStatusFor,
  statusHintFor: statusHintOf,
};

// The connector is a SiteConnector as the shared sync expects one.
disqusConnector satisfies SiteConnector<DisqusConfig>;
