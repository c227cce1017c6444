// The shape every site connector (WordPress, Disqus, Coral, ...) fills: pull comments from the site,
// push Moddesk's decisions back to it, and map statuses both ways. A connector is pure I/O against
// the site's API through the `fetch` it is given (so contract tests can record every request); the
// database side (sync cursors, the outbox, conflicts) lives in lib/connectors/sync-*.ts and is shared.
import type { z } from "zod";
import type { CommentStatusHint, ParseEvent } from "@/lib/import/types";
import type { ReaderReportInput } from "@/lib/reports/schemas";

export type ConnectorKind = "wordpress" | "disqus";

/** A fetch the connector must use for every request (tests pass a recording one). */
export type ConnectorFetch = (url: string, init?: RequestInit) => Promise<Response>;

/** One page of comments pulled from the site, already in the import pipeline's own events. */
export interface PullPage {
  /** Article and comment events for runImport (dedupe, reply links, rules, audit happen there). */
  events: ParseEvent[];
  /** Per pulled comment: its id on the site and its site version (modified time or etag) for conflict checks. */
  siteVersions: Array<{ externalId: string; siteVersion: string; siteStatus: string }>;
  /** Readers' reports the site keeps per pulled comment (Disqus numReports, a WordPress site's moddesk_reports meta). */
  reports?: Array<{ externalId: string; reports: ReaderReportInput[] }>;
  /** Where the next pull starts (opaque to the caller); null when the site has nothing newer. */
  nextCursor: string | null;
  /**
   * Whether the site has more right now (pull again at once). When given, nextCursor is kept as the
   * resume point even on the last page; when absent, a null nextCursor ends the sync.
   */
  hasMore?: boolean;
}

/** A decision to send back to the site. */
export interface PushRequest {
  /** The comment's id on the site. */
  externalId: string;
  decision: "APPROVE" | "HIDE" | "UNDO";
  /** Status the comment should have on the site (from `siteStatusFor`). */
  siteStatus: string;
  /** Hide reason and note, written where the site can keep them (WordPress comment meta). */
  reason?: string;
  note?: string;
  /** The site version Moddesk last saw; the push is refused as a conflict when the site has moved on. */
  expectedSiteVersion?: string;
}

export type PushOutcome =
  | { outcome: "applied"; siteVersion?: string }
  /** The comment changed on the site since Moddesk saw it: shown to the desk, never overwritten. */
  | { outcome: "conflict"; siteStatus: string; siteVersion?: string; detail: string }
  /** Worth retrying (timeouts, 5xx, 429); `retryAfter` is the answer's Retry-After header as sent (push-retry.ts reads it). */
  | { outcome: "retry"; detail: string; retryAfter?: string }
  /** Will not succeed by retrying (401/403/404, invalid config). */
  | { outcome: "failed"; detail: string };

export interface SiteConnector<Config> {
  kind: ConnectorKind;
  /** Settings an admin enters (site URL, credentials, options), validated before any request. */
  configSchema: z.ZodType<Config>;
  /**
   * Which site the settings point at (WordPress: its address). When it changes, the sync starts
   * over and comments linked to the old site are no longer pushed (their ids mean nothing on the new one).
   */
  siteIdentity?(config: Config): string;
  /** Settings that are credentials: stored apart from the rest and never sent back to the browser. */
  secretFields?: readonly string[];
  /**
   * Where the credentials are sent, scheme included (WordPress: the site's address). A credential
   * left blank on save is kept only while this stays the same. Unset: a fixed service (Disqus).
   */
  credentialDestination?(config: Config): string;
  pull(config: Config, cursor: string | null, fetchFn: ConnectorFetch): Promise<PullPage>;
  push(config: Config, request: PushRequest, fetchFn: ConnectorFetch): Promise<PushOutcome>;
  /** The site's status for a Moddesk decision (e.g. WordPress: APPROVE → "approved", HIDE → "hold" or "trash"). */
  siteStatusFor(config: Config, decision: PushRequest["decision"]): string;
  /** Moddesk's status hint for a site status (e.g. WordPress "spam" → HIDDEN, "hold" → PENDING). */
  statusHintFor(siteStatus: string): CommentStatusHint;
}
