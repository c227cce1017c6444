"use client";

import { useCallback, useEffect, useState } from "react";
import { bulkDecideAction, decideCommentAction, undoDecisionAction } from "@/lib/moderation/actions";
import { reasonLabel } from "@/lib/moderation/policy";
import type { QueueItem } from "@/lib/moderation/queue-item";
import type { HideReason } from "@/lib/moderation/schemas";
import { undoOfferMs } from "@/lib/moderation/undo-offer";

// The toast offers undo this long; the server accepts an undo for a minute (UNDO_WINDOW_MS).
const UNDO_TOAST_MS = 8_000;

// A server action that never answers (the phone lost its signal, the server restarted) throws
// instead of returning a result. The request may or may not have reached the server, so the words
// do not claim either; a retry is safe because every decision is guarded by the version the
// moderator saw: one already saved comes back as "you already approved this comment at …".
export const UNREACHABLE_NOTICE = "Moddesk could not be reached, so this may not have been saved. Check the connection and press Retry (nothing is decided twice).";

export type Decision = { action: "APPROVE" } | { action: "HIDE"; reason: HideReason; note?: string };
interface Undoable {
  label: string;
  decisions: { decisionId: number; commentId: number; version: number }[];
}

interface Options {
  setItems: (update: (items: QueueItem[]) => QueueItem[]) => void;
  currentUser: { id: string; email: string };
  /** Called after a CONFLICT, so the live feed refreshes the card at once. */
  onConflict: () => void;
}

export function useDecisions({ setItems, currentUser, onConflict }: Options) {
  const [notice, setNoticeText] = useState("");
  // Whether the toast still shows the notice: every notice is shown for a few seconds, at the bottom
  // of the screen, where a moderator who has scrolled (on a phone, always) sees it.
  const [isNoticeShown, setIsNoticeShown] = useState(false);
  const setNotice = useCallback((text: string) => {
    setNoticeText(text);
    setIsNoticeShown(true);
  }, []);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** The decision the network lost, offered again with Retry until it goes through or another starts. */
  const [unsent, setUnsent] = useState<{ targets: QueueItem[]; decision: Decision } | null>(null);

  useEffect(() => {
    if (!isNoticeShown) return;
    const timer = setTimeout(() => setIsNoticeShown(false), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [isNoticeShown, notice]);

  useEffect(() => {
    if (!undoable) return;
    // A selection's undo stays much longer than one comment's (undo-offer.ts).
    const timer = setTimeout(() => setUndoable(null), undoOfferMs(undoable.decisions.length));
    return () => clearTimeout(timer);
  }, [undoable]);

  const applyResult = useCallback(
    (commentId: number, result: { status: string; version: number; decidedAt: string }, reason: string | null) =>
      setItems((items) =>
        items.map((item) =>
          item.id === commentId
            ? { ...item, status: result.status as QueueItem["status"], version: result.version, decision: { by: currentUser.email, at: result.decidedAt, reason: result.status === "HIDDEN" ? reason : null } }
            : item,
        ),
      ),
    [setItems, currentUser.email],
  );

  const decide = useCallback(
    async (targets: QueueItem[], decision: Decision): Promise<boolean> => {
      if (isBusy) {
        // A tap while the last decision is on its way (a slow phone network) is not lost in silence.
        setNotice("Still saving the last decision…");
        return false;
      }
      setIsBusy(true);
      setUnsent(null);
      try {
        const verb = decision.action === "APPROVE" ? "Approved" : `Hidden (${reasonLabel(decision.reason)})`;
        const reason = decision.action === "HIDE" ? decision.reason : null;
        const actionable = targets.filter((item) => (decision.action === "APPROVE" ? item.status !== "APPROVED" : item.status !== "HIDDEN"));
        if (actionable.length === 0) {
          setNotice(`Already ${decision.action === "APPROVE" ? "approved" : "hidden"}.`);
          return false;
        }
        if (actionable.length === 1 && targets.length === 1) {
          const item = actionable[0]!;
          const result = await decideCommentAction({ ...decision, commentId: item.id, expectedVersion: item.version, expectedStatus: item.status }).catch(() => null);
          if (!result) {
            setUnsent({ targets, decision });
            setNotice(UNREACHABLE_NOTICE);
            return false;
          }
          if (!result.ok) {
            setNotice(result.message);
            if (result.code === "CONFLICT") onConflict();
            return false;
          }
          applyResult(item.id, result.data, reason);
          setUndoable({ label: `${verb}.`, decisions: [{ decisionId: result.data.decisionId, commentId: item.id, version: result.data.version }] });
          setNotice(`${verb}. Press u to undo.`);
          return true;
        }
        const result = await bulkDecideAction({ ...decision, items: actionable.map((item) => ({ commentId: item.id, expectedVersion: item.version, expectedStatus: item.status })) }).catch(() => null);
        if (!result) {
          // Part of a selection may have been saved: Retry decides the rest and names the ones already done.
          setUnsent({ targets, decision });
          setNotice(UNREACHABLE_NOTICE);
          onConflict();
          return false;
        }
        if (!result.ok) {
          setNotice(result.message);
          return false;
        }
        const decided = result.data.filter((outcome) => outcome.outcome === "decided");
        for (const outcome of decided) applyResult(outcome.commentId, outcome, reason);
        const problems = result.data.flatMap((outcome) => ("message" in outcome ? [outcome.message] : []));
        setUndoable(decided.length > 0 ? { label: `${verb}: ${decided.length} comments.`, decisions: decided.map((outcome) => ({ decisionId: outcome.decisionId, commentId: outcome.commentId, version: outcome.version })) } : null);
        setNotice(`${verb}: ${decided.length} of ${actionable.length} comments.${problems.length > 0 ? ` Not decided: ${problems.join("; ")}.` : ""}`);
        if (problems.length > 0) onConflict();
        return true;
      } finally {
        setIsBusy(false);
      }
    },
    [isBusy, applyResult, onConflict, setNotice],
  );

  /** Takes back the last decision (or bulk decision); returns the first comment restored. */
  const undo = useCallback(async (): Promise<number | null> => {
    if (!undoable) {
      setNotice("Nothing to undo.");
      return null;
    }
    setUndoable(null);
    let restored: number | null = null;
    const problems: string[] = [];
    const unsentUndos: Undoable["decisions"] = [];
    for (const decision of undoable.decisions) {
      const result = await undoDecisionAction({ decisionId: decision.decisionId, expectedVersion: decision.version }).catch(() => null);
      if (!result) {
        unsentUndos.push(decision);
        continue;
      }
      if (!result.ok) {
        problems.push(result.message);
        continue;
      }
      applyResult(decision.commentId, result.data, null);
      restored ??= decision.commentId;
    }
    if (unsentUndos.length > 0) {
      // Offered again: the server accepts an undo for a minute, and a repeated one conflicts rather than doubles.
      setUndoable({ label: undoable.label, decisions: unsentUndos });
      setNotice("Moddesk could not be reached, so the undo may not have been saved. Check the connection and press Undo again.");
      return restored;
    }
    setNotice(problems.length > 0 ? `Undo: ${problems.join("; ")}` : "Undone: back to pending.");
    return restored;
  }, [undoable, applyResult, setNotice]);

  const retry = useCallback(async (): Promise<boolean> => (unsent ? decide(unsent.targets, unsent.decision) : false), [unsent, decide]);
  const dismiss = useCallback(() => {
    setUnsent(null);
    setUndoable(null);
    setIsNoticeShown(false);
  }, []);

  return { decide, undo, retry, dismiss, notice, isNoticeShown, undoable, unsent, isBusy };
}
