// The comment as the queue, the author view and the live feed hand it to client components:
// plain JSON (ISO dates), never a raw model.

import type { ReaderNote, ReportTally } from "@/lib/reports/summarize-reports";
import type { Suggestion } from "@/lib/suggest/types";

export type CommentStatusName = "PENDING" | "APPROVED" | "HIDDEN";

export interface FlagDto {
  /** The rule's page opens with the comment on its test bench (lib/rules/rule-bench-href.ts). */
  ruleId: number;
  ruleName: string;
  category: string;
  reason: string;
  spans: [number, number][];
}

export interface CardNotes {
  count: number;
  latest: { note: string; by: string | null; at: string } | null;
}

export interface QueueItem {
  id: number;
  version: number;
  status: CommentStatusName;
  priority: number;
  isHeld: boolean;
  body: string;
  postedAt: string;
  authorName: string | null;
  article: { id: number; title: string };
  parent: { id: number; authorName: string | null; body: string } | null;
  flags: FlagDto[];
  /** Readers' reports by reason (empty when none): the card's "Reported 3× (abusive ×2, spam)". */
  reports: ReportTally[];
  /** The latest reader's note among the reports (untrusted text: rendered as text), when any has one. */
  readerNote?: ReaderNote;
  /** Who put the comment in its current status, and when (null while nobody has decided). */
  decision: { by: string | null; at: string; reason: string | null } | null;
  /** The author's comments posted before this one, by current status. */
  authorHistory: { earlier: number; approved: number; hidden: number; pending: number };
  /** Internal notes on the comment: how many, and the latest (untrusted text: rendered as text). */
  notes: CardNotes;
  /** What the model trained on this desk's decisions would do with a pending comment (advice only). */
  suggestion: Suggestion | null;
  /** EXTERNAL rules whose endpoint has not scored the comment yet (lib/external-classifier): their flags may still come. */
  notScored?: NotScored[];
}

export interface NotScored {
  ruleName: string;
  attempts: number;
  /** Why the last call failed (timeout, HTTP status, an answer off the contract), or null before the first call. */
  lastError: string | null;
}

/** Flag.spans is JSON: keep only well-formed [start, end) pairs. */
export function parseSpans(value: unknown): [number, number][] {
  if (!Array.isArray(value)) return [];
  return value.filter((pair): pair is [number, number] => Array.isArray(pair) && pair.length === 2 && Number.isInteger(pair[0]) && Number.isInteger(pair[1]));
}
