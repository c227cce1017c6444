"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueItem } from "@/lib/moderation/queue-item";
import { focusAfterDecision, initialKeyboardState, pressKey, type KeyCommand } from "@/lib/moderation/queue-keyboard";
import type { HideReason } from "@/lib/moderation/schemas";
import { parentElsewhereHref } from "@/lib/moderation/thread-parent";
import { DecideButtons } from "./card-action-row";
import { CommentCard } from "./comment-card";
import { DecisionToast } from "./decision-toast";
import { HideReasonPicker } from "./hide-reason-picker";
import { useDecisions } from "./use-decisions";
import { useHidePicker } from "./use-hide-picker";
import { useIsHydrated } from "./use-is-hydrated";

export interface DecidableListProps {
  items: QueueItem[];
  /** Thread depth per comment (the article page); absent: a flat list. */
  depths?: number[];
  timeZone: string;
  currentUser: { id: string; email: string };
  canDecide: boolean;
  /** The queue's keys (j/k, a, h 1-5, u) on this page: the article thread. */
  hasKeyboard?: boolean;
  showArticle?: boolean;
  /** The comment the page was opened for (the thread around it): focused and scrolled to on arrival. */
  focusId?: number | null;
}

const MAX_INDENT = 6;
const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Comments outside the queue (an article's thread, an author's page, a comment's own page) with the
 * queue's decisions: the same guarded transition, the same undo, and on the thread the same keys.
 */
export function DecidableList({ items: initialItems, depths, timeZone, currentUser, canDecide, hasKeyboard = false, showArticle = false, focusId = null }: DecidableListProps) {
  const router = useRouter();
  const [items, setItems] = useState(initialItems);
  // A refresh (after a decision here, a revert on the page) brings the server's truth: take it.
  const [shownItems, setShownItems] = useState(initialItems);
  if (shownItems !== initialItems) {
    setShownItems(initialItems);
    setItems(initialItems);
  }
  const [keys, setKeys] = useState(() => ({ ...initialKeyboardState(initialItems.length), focus: Math.max(0, initialItems.findIndex((item) => item.id === focusId)) }));
  const cards = useRef(new Map<number, HTMLElement>());
  const decisions = useDecisions({ setItems, currentUser, onConflict: () => router.refresh() });
  // The page around the list (a comment's history, an author's counts) is the server's: refresh it after each decision.
  const decideNow = decisions.decide;
  const decide = useCallback(
    async (...args: Parameters<typeof decideNow>) => {
      const isDone = await decideNow(...args);
      if (isDone) router.refresh();
      return isDone;
    },
    [decideNow, router],
  );

  const focusCard = useCallback((index: number) => {
    const item = items[index];
    if (item) cards.current.get(item.id)?.focus();
  }, [items]);

  const keysRef = useRef(keys);
  // On the thread (keys on), a key, a click or a tap moves on alike: to the next comment still to
  // decide, skipping the ones already decided (most of an old thread), never leaving focus on <body>.
  const decideAndMoveOn = useCallback(
    async (item: QueueItem, decision: Parameters<typeof decideNow>[1]) => {
      const index = items.indexOf(item);
      const isDone = await decide([item], decision);
      if (!isDone || !hasKeyboard || index < 0) return;
      const next = focusAfterDecision(items.map((each) => each.status), [index], item.status);
      if (next === index) return;
      keysRef.current = { ...keysRef.current, focus: next };
      setKeys(keysRef.current);
      focusCard(next);
    },
    [items, decide, hasKeyboard, focusCard],
  );

  const run = useCallback(
    async (command: KeyCommand, focus: number) => {
      const focused = items[focus];
      if (command.type === "focusCard") return focusCard(focus);
      if (command.type === "undo") return void (await decisions.undo());
      if (!canDecide || !focused || (command.type !== "approve" && command.type !== "hide")) return;
      await decideAndMoveOn(focused, command.type === "approve" ? { action: "APPROVE" } : { action: "HIDE", reason: command.reason });
    },
    [items, canDecide, decisions, decideAndMoveOn, focusCard],
  );

  const runRef = useRef(run);
  useEffect(() => {
    // The "latest value" refs: written after each render, read by the one long-lived key listener.
    keysRef.current = keys;
    runRef.current = run;
  });
  useEffect(() => {
    if (!hasKeyboard) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // defaultPrevented: the Hide… picker handled it (a digit there hides its own card, once).
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || (isTyping(event.target) && event.key !== "Escape")) return;
      // x, / and ? belong to the queue; here only moving and deciding.
      if (!["j", "k", "a", "h", "u", "Escape", "1", "2", "3", "4", "5"].includes(event.key)) return;
      const result = pressKey({ ...keysRef.current, count: initialItems.length }, event.key);
      if (!result.handled) return;
      event.preventDefault();
      keysRef.current = result.state;
      setKeys(result.state);
      if (result.command) void runRef.current(result.command, result.state.focus);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [hasKeyboard, initialItems.length]);

  const { hidePickerFor, openHidePicker, closeHidePicker } = useHidePicker(keysRef, setKeys);
  // Opened "in its thread": the comment is where the eye and the keys start (j/k, a, h from there).
  useEffect(() => {
    if (focusId === null) return;
    const card = cards.current.get(focusId);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: "center" });
  }, [focusId]);

  const isHydrated = useIsHydrated();

  const hideWithNote = async (item: QueueItem, reason: HideReason, note: string) => {
    closeHidePicker();
    await decideAndMoveOn(item, { action: "HIDE", reason, note });
  };

  return (
    <div data-testid="decidable-list" data-hydrated={isHydrated ? "true" : undefined} className="pb-24">
      {/* On a phone the toast at the bottom shows the notice (this line is off-screen once scrolled): here only for screen readers. */}
      <div aria-live="polite" role="status" className="min-h-6 text-sm max-md:sr-only" data-testid="context-notice">
        {keys.isChoosingReason ? "Hide: press 1 off-topic, 2 nationalist, 3 abusive, 4 spam, 5 other (Esc cancels)." : decisions.notice}
      </div>
      <DecisionToast
        undoLabel={decisions.undoable?.label ?? null}
        unsentNotice={decisions.unsent ? decisions.notice : null}
        notice={decisions.isNoticeShown ? decisions.notice : null}
        onUndo={() => void decisions.undo()}
        onRetry={() => void decisions.retry().then((isDone) => isDone && router.refresh())}
        onDismiss={decisions.dismiss}
        hasUndoKey={hasKeyboard}
        isBusy={decisions.isBusy}
      />
      <ol className="mt-2 space-y-3">
        {items.map((item, index) => {
          const depth = Math.min(depths?.[index] ?? 0, MAX_INDENT);
          return (
            <li key={item.id} style={depth > 0 ? { marginLeft: `${depth * 1.25}rem` } : undefined} className={depth > 0 ? "border-l border-slate-200 pl-3" : undefined}>
              <CommentCard
                item={item}
                showArticle={showArticle}
                parentHref={depths ? parentElsewhereHref(item, depths[index] ?? 0) : null}
                timeZone={timeZone}
                isFocused={hasKeyboard && keys.focus === index}
                cardRef={hasKeyboard ? (element) => void (element ? cards.current.set(item.id, element) : cards.current.delete(item.id)) : undefined}
                onFocus={hasKeyboard ? () => keys.focus !== index && setKeys((state) => ({ ...state, focus: index })) : undefined}
              >
                {canDecide ? (
                  <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
                    <DecideButtons item={item} onApprove={() => void decideAndMoveOn(item, { action: "APPROVE" })} onHide={() => openHidePicker(item.id)} />
                  </div>
                ) : null}
                {hasKeyboard && keys.isChoosingReason && keys.focus === index ? (
                  <p className="mt-3 rounded bg-rose-50 px-2 py-1 text-sm text-rose-900" data-testid="card-reason-hint">
                    Hide: press 1 off-topic, 2 nationalist, 3 abusive, 4 spam, 5 other (Esc cancels).
                  </p>
                ) : null}
                {hidePickerFor === item.id ? (
                  <HideReasonPicker
                    onHide={(reason, note) => void hideWithNote(item, reason, note)}
                    onCancel={() => {
                      closeHidePicker();
                      if (hasKeyboard) focusCard(index);
                    }}
                  />
                ) : null}
              </CommentCard>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
