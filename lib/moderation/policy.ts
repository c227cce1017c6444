// Pure decisions about comment status: which transitions are legal, and how to say what happened.

export type Status = "PENDING" | "APPROVED" | "HIDDEN";
export type DecideAction = "APPROVE" | "HIDE";

const TARGET: Record<DecideAction, Status> = { APPROVE: "APPROVED", HIDE: "HIDDEN" };

/** The status a decision leads to, or null when it would change nothing (approving an approved comment). */
export function targetStatus(action: DecideAction, from: Status): Status | null {
  const to = TARGET[action];
  return to === from ? null : to;
}

const DID: Record<Status, string> = { APPROVED: "approved this comment", HIDDEN: "hid this comment", PENDING: "returned this comment to pending" };

const hourMinute = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" });

export function formatDecisionTime(at: Date): string {
  return hourMinute.format(at);
}

export interface CurrentDecision {
  status: Status;
  /** Email of the moderator, or null for the rules engine. */
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/** "ana@example.org hid this comment at 12:03 (abusive)": what the card says about its last decision. */
export function describeDecision(current: CurrentDecision, options: { already?: boolean } = {}): string {
  const who = current.decidedBy ?? "The rules engine";
  const when = current.decidedAt ? ` at ${formatDecisionTime(current.decidedAt)}` : "";
  const why = current.status === "HIDDEN" && current.reason ? ` (${reasonLabel(current.reason)})` : "";
  return `${who} ${options.already ? "already " : ""}${DID[current.status]}${when}${why}`;
}

/** What a moderator who came second is told: "ana@example.org already hid this comment at 12:03 (abusive)". */
export function conflictMessage(current: CurrentDecision): string {
  return describeDecision(current, { already: true });
}

export function reasonLabel(reason: string): string {
  return reason.toLowerCase().replaceAll("_", "-");
}
