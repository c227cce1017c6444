// Pure decisions about comment status: which transitions are legal, and how to say what happened.
import { formatTimeThenDay, UTC } from "@/lib/time-zone";

export type Status = "PENDING" | "APPROVED" | "HIDDEN";
export type DecideAction = "APPROVE" | "HIDE";

const TARGET: Record<DecideAction, Status> = { APPROVE: "APPROVED", HIDE: "HIDDEN" };

/** The status a decision leads to, or null when it would change nothing (approving an approved comment). */
export function targetStatus(action: DecideAction, from: Status): Status | null {
  const to = TARGET[action];
  return to === from ? null : to;
}

const DID: Record<Status, string> = { APPROVED: "approved this comment", HIDDEN: "hid this comment", PENDING: "returned this comment to pending" };


export interface CurrentDecision {
  status: Status;
  /** Email of the moderator, or null for the rules engine. */
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/**
 * "ana@example.org hid this comment at 12:03 GMT+5 on 6 Dec 2026 (abusive)": what the card says about
 * its last decision, in the reader's zone (the rest of the card's times are in it); UTC, named, where
 * there is no reader (the API's conflict message). The day is always said: a card can be days old.
 */
export function describeDecision(current: CurrentDecision, options: { already?: boolean; timeZone?: string } = {}): string {
  const who = current.decidedBy ?? "The rules engine";
  const when = current.decidedAt ? ` at ${formatTimeThenDay(current.decidedAt, options.timeZone ?? UTC)}` : "";
  const why = current.status === "HIDDEN" && current.reason ? ` (${reasonLabel(current.reason)})` : "";
  return `${who} ${options.already ? "already " : ""}${DID[current.status]}${when}${why}`;
}

/**
 * What a moderator who came second is told: "ana@example.org already hid this comment at 17:03 GMT+5
 * on 6 Dec 2026 (abusive)", in the zone their cards are in (UTC for an API caller).
 */
export function conflictMessage(current: CurrentDecision, timeZone: string = UTC): string {
  return describeDecision(current, { already: true, timeZone });
}

/**
 * The same conflict for a program (the API's 409 beside its message): the comment as it now is,
 * its time an ISO 8601 instant with its offset ("2026-03-01T12:03:00.000Z"), so a client shows it
 * in its own zone instead of parsing "12:03 UTC on 1 Mar 2026" out of prose.
 */
export function conflictFields(current: CurrentDecision, version: number) {
  return {
    current: {
      status: current.status,
      version,
      decidedBy: current.decidedBy,
      decidedAt: current.decidedAt ? current.decidedAt.toISOString() : null,
      reason: current.reason,
    },
  };
}

export function reasonLabel(reason: string): string {
  return reason.toLowerCase().replaceAll("_", "-");
}
