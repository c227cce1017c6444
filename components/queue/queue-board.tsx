"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueCounts } from "@/lib/moderation/count-queue-tabs";
import type { QueueChange } from "@/lib/moderation/list-queue-changes";
import { withColleagueRemarks, withQueueChanges } from "@/lib/moderation/apply-queue-changes";
import type { QueueItem } from "@/lib/moderation/queue-item";
import { runsByArticle } from "@/lib/moderation/runs-by-article";
import { focusAfterDecision, initialKeyboardState, pressKey, type KeyCommand } from "@/lib/moderation/queue-keyboard";
import { describePageEnd, pageEndAfterDecision, type PageEnd } from "@/lib/moderation/queue-page-end";
import { queuePlaceKey, restoredFocus } from "@/lib/moderation/queue-place";
import type { HideReason, QueueTab } from "@/lib/moderation/schemas";
import { CommentCard } from "./comment-card";
import { ContextPanel } from "./context-panel";
import { DecisionToast } from "./decision-toast";
import { takeEarlyKeys } from "./early-keys";
import { BulkRunPanel } from "./bulk-run-panel";
import type { LastBulkRun } from "./last-bulk-run";
import { CardActionRow } from "./card-action-row";
import { HideReasonPicker } from "./hide-reason-picker";
import { NoteForm } from "./note-form";
import { SelectionBar } from "./selection-bar";
import { QueueTabs } from "./queue-tabs";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useDecisions, type Decision } from "./use-decisions";
import { useHidePicker } from "./use-hide-picker";
import { useIsHydrated } from "./use-is-hydrated";
import { useQueueChanges } from "./use-queue-changes";
import { SessionEndedBanner } from "./session-ended-banner";

export interface QueueBoardProps {
  items: QueueItem[];
  counts: QueueCounts;
  tab: QueueTab;
  /** The filters' query string, kept when switching tabs. */
  filterQuery: string;
  since: string;
  currentUser: { id: string; email: string };
  canDecide: boolean;
  /** Times on the cards are shown in this zone. */
  timeZone: string;
  /** What the board says when nothing matches (lib/moderation/empty-queue-message.ts). */
  emptyMessage: string;
  /** This page's path and query: where signing in again comes back to. */
  returnPath: string;
  /** The moderator's last bulk run of the day, offered for undo (lib/moderation/bulk-run-undo.ts). */
  lastBulkRun?: LastBulkRun | null;
  /** The next page of this tab and filters (keyset), or null on the last page. */
  nextPageHref?: string | null;
}

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function QueueBoard(props: QueueBoardProps) {
  const [items, setItems] = useState(props.items);
  const [counts, setCounts] = useState(props.counts);
  const [keys, setKeys] = useState(() => initialKeyboardState(props.items.length));
  // Keys can arrive faster than React re-renders: the handler reads and writes the latest state here.
  const keysRef = useRef(keys);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [remarks, setRemarks] = useState<Map<number, string>>(new Map());
  const [isBulkRunOpen, setIsBulkRunOpen] = useState(false);
  const [noteFor, setNoteFor] = useState<number | null>(null);
  const [notedIds, setNotedIds] = useState<Set<number>>(new Set());
  const [contextIds, setContextIds] = useState<Set<number>>(new Set());
  const cards = useRef(new Map<number, HTMLElement>());
  // Reached once nothing below is left to decide: focus moves to Next page, so the next Enter or tap goes on.
  const [pageEnd, setPageEnd] = useState<PageEnd | null>(null);
  const nextPageLink = useRef<HTMLAnchorElement>(null);
  const itemCount = useRef(props.items.length);

  const applyChanges = useCallback(
    (changes: QueueChange[], nextCounts: QueueCounts) => {
      setCounts(nextCounts);
      setItems((current) => withQueueChanges(current, changes));
      setRemarks((current) => withColleagueRemarks(current, changes, props.currentUser.id, props.timeZone) ?? current);
    },
    [props.currentUser.id, props.timeZone],
  );
  const [isSessionEnded, setSessionEnded] = useState(false);
  const pollNow = useQueueChanges(props.since, applyChanges, () => setSessionEnded(true));
  const decisions = useDecisions({ setItems, currentUser: props.currentUser, onConflict: pollNow });

  // The card shows the note at once (the board keeps its own items; a refresh does not replace them).
  const addNoteToCard = (commentId: number, note: string) =>
    setItems((current) =>
      current.map((item) => (item.id === commentId ? { ...item, notes: { count: item.notes.count + 1, latest: { note, by: props.currentUser.email, at: new Date().toISOString() } } } : item)),
    );
  const focusCard = useCallback((index: number) => {
    const item = items[index];
    if (item) cards.current.get(item.id)?.focus();
  }, [items]);

  // Keys, the card's buttons and the selection bar decide alike: focus moves on past what was
  // decided, to the next comment still to decide (a tap on a phone used to leave the next one a
  // screen below, and focus on <body>).
  const decideAndMoveOn = useCallback(
    async (targets: QueueItem[], decision: Decision): Promise<boolean> => {
      const isDone = await decisions.decide(targets, decision);
      if (!isDone || targets.length === 0) return isDone;
      const statuses = items.map((item) => item.status);
      const decided = targets.map((target) => items.indexOf(target));
      const focus = focusAfterDecision(statuses, decided, targets[0]!.status);
      keysRef.current = { ...keysRef.current, focus };
      setKeys(keysRef.current);
      const end = pageEndAfterDecision(statuses, decided, targets[0]!.status);
      setPageEnd(end.isEnd ? end : null);
      if (end.isEnd && nextPageLink.current) {
        nextPageLink.current.focus({ preventScroll: true });
        nextPageLink.current.scrollIntoView({ block: "center" });
      } else focusCard(focus);
      return true;
    },
    [items, decisions, focusCard],
  );

  const run = useCallback(
    async (command: KeyCommand, focus: number) => {
      const focused = items[focus];
      const targets = selected.size > 0 ? items.filter((item) => selected.has(item.id)) : focused ? [focused] : [];
      if (command.type === "focusCard") return focusCard(focus);
      if (command.type === "focusSearch") return document.getElementById("queue-search")?.focus();
      if (command.type === "note") return focused ? setNoteFor(focused.id) : undefined;
      if (command.type === "context") return focused ? setContextIds((current) => toggled(current, focused.id)) : undefined;
      if (command.type === "toggleSelect") {
        if (!focused) return;
        return setSelected((current) => {
          const next = new Set(current);
          if (!next.delete(focused.id)) next.add(focused.id);
          return next;
        });
      }
      if (command.type === "undo") {
        const restored = await decisions.undo();
        const index = items.findIndex((item) => item.id === restored);
        if (index >= 0) {
          setPageEnd(null);
          keysRef.current = { ...keysRef.current, focus: index };
          setKeys(keysRef.current);
          focusCard(index);
        }
        return;
      }
      if (!props.canDecide || targets.length === 0) return;
      const isDone = await decideAndMoveOn(targets, command.type === "approve" ? { action: "APPROVE" } : { action: "HIDE", reason: command.reason, note: command.note });
      if (isDone) setSelected(new Set());
    },
    [items, selected, decisions, decideAndMoveOn, focusCard, props.canDecide],
  );

  const runRef = useRef(run);
  useEffect(() => {
    // The "latest value" refs: written after each render, read by the one long-lived key listener.
    keysRef.current = keys;
    runRef.current = run;
  });
  const isHydrated = useIsHydrated();
  // Back from an author's page (or History, or a thread): the focus returns to the comment the
  // moderator was on, not the first card of a page the browser has scrolled back down (declared
  // before the key listener, so keys typed while loading act from there).
  const placeKey = queuePlaceKey(props.returnPath);
  useEffect(() => {
    const index = restoredFocus(props.items.map((item) => item.id), readSession(placeKey));
    if (index === null) return;
    keysRef.current = { ...keysRef.current, focus: index };
    setKeys(keysRef.current);
    cards.current.get(props.items[index]!.id)?.focus();
    // Once, on arriving: later renders move the focus themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const focused = items[keys.focus];
    if (focused) writeSession(placeKey, String(focused.id));
  }, [items, keys.focus, placeKey]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // defaultPrevented: the Hide… picker handled it (a digit there hides its own card, once).
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || (isTyping(event.target) && event.key !== "Escape")) return;
      const result = pressKey({ ...keysRef.current, count: itemCount.current }, event.key);
      if (!result.handled) return;
      event.preventDefault();
      keysRef.current = result.state;
      setKeys(result.state);
      if (result.command) void runRef.current(result.command, result.state.focus);
    };
    window.addEventListener("keydown", onKeyDown);
    // Keys pressed before hydration (buffered by the page's inline script) run now, in order.
    for (const key of takeEarlyKeys()) onKeyDown(new KeyboardEvent("keydown", { key, cancelable: true }));
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const { hidePickerFor, openHidePicker, closeHidePicker } = useHidePicker(keysRef, setKeys);
  const hideWithNote = async (item: QueueItem, reason: HideReason, note: string) => {
    closeHidePicker();
    await decideAndMoveOn([item], { action: "HIDE", reason, note });
  };

  return (
    <div data-testid="queue-board" data-hydrated={isHydrated ? "true" : undefined} className="pb-24 max-md:pb-40">
      <QueueTabs tab={props.tab} counts={counts} filterQuery={props.filterQuery} />
      {isSessionEnded ? <SessionEndedBanner returnPath={props.returnPath} /> : null}
      {/* On a phone the toast at the bottom shows the notice (this line is off-screen once scrolled): here only for screen readers. */}
      <div aria-live="polite" role="status" className="mt-3 min-h-6 text-sm max-md:sr-only" data-testid="queue-notice">
        {keys.isChoosingReason ? "Hide: press 1 off-topic, 2 nationalist, 3 abusive, 4 spam, 5 other (Esc cancels)." : decisions.notice}
      </div>
      <DecisionToast
        undoLabel={decisions.undoable?.label ?? null}
        unsentNotice={decisions.unsent ? decisions.notice : null}
        notice={decisions.isNoticeShown ? decisions.notice : null}
        onUndo={() => void run({ type: "undo" }, keys.focus)}
        onRetry={() => void decisions.retry()}
        onDismiss={decisions.dismiss}
        hasUndoKey
        isBusy={decisions.isBusy}
        isAboveSelectionBar={selected.size > 0}
      />
      {props.canDecide ? (
        <SelectionBar
          selectedCount={selected.size}
          pageCount={items.length}
          isBusy={false}
          onApprove={() => void run({ type: "approve" }, keys.focus)}
          onHide={(reason, note) => void run({ type: "hide", reason, note }, keys.focus)}
          onSelectPage={() => setSelected(new Set(items.map((item) => item.id)))}
          onSelectMatching={() => setIsBulkRunOpen(true)}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      {props.canDecide ? <BulkRunPanel tab={props.tab} filterQuery={props.filterQuery} isOpen={isBulkRunOpen} onClose={() => setIsBulkRunOpen(false)} lastRun={props.lastBulkRun ?? null} timeZone={props.timeZone} /> : null}
      {items.length === 0 ? <p className="mt-6 text-slate-600" data-testid="queue-empty">{props.emptyMessage}</p> : null}
      {runsByArticle(items).map((run) => (
        <section key={`${run.articleId}-${run.start}`} className="mt-6 max-md:mt-3" aria-label={run.title}>
          <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase" title={run.title}>
            {/* One line on a phone (a long headline took three), tall enough to tap. */}
            <Link href={`/articles/${run.articleId}`} className="hover:underline max-md:block max-md:truncate max-md:py-3">
              {run.title}
            </Link>
          </h2>
          <div className="mt-3 space-y-3">
            {run.items.map((item) => {
              const index = items.indexOf(item);
              return (
                <CommentCard
                  key={item.id}
                  item={item}
                  showArticle={false}
                  isFocused={keys.focus === index}
                  isSelected={selected.has(item.id)}
                  remark={remarks.get(item.id)}
                  timeZone={props.timeZone}
                  cardRef={(element) => void (element ? cards.current.set(item.id, element) : cards.current.delete(item.id))}
                  onFocus={() => keys.focus !== index && setKeys((state) => ({ ...state, focus: index }))}
                >
                  <CardActionRow
                    item={item}
                    canDecide={props.canDecide}
                    isContextOpen={contextIds.has(item.id)}
                    isNoteOpen={noteFor === item.id}
                    isSelected={selected.has(item.id)}
                    onApprove={() => void decideAndMoveOn([item], { action: "APPROVE" })}
                    onHide={() => openHidePicker(item.id)}
                    onToggleContext={() => setContextIds((current) => toggled(current, item.id))}
                    onToggleNote={() => setNoteFor((current) => (current === item.id ? null : item.id))}
                    onToggleSelect={() => setSelected((current) => toggled(current, item.id))}
                  />
                  {contextIds.has(item.id) ? <ContextPanel commentId={item.id} articleId={item.article.id} authorName={item.authorName} timeZone={props.timeZone} /> : null}
                  {keys.isChoosingReason && keys.focus === index ? (
                    <p className="mt-3 rounded bg-rose-50 px-2 py-1 text-sm text-rose-900" data-testid="card-reason-hint">
                      Hide{selected.size > 0 ? ` ${selected.size} selected` : ""}: press 1 off-topic, 2 nationalist, 3 abusive, 4 spam, 5 other (Esc cancels).
                    </p>
                  ) : null}
                  {noteFor === item.id ? (
                    <div data-testid="card-note-form">
                      <NoteForm
                        target={{ commentId: item.id }}
                        autoFocus
                        onSaved={(note) => {
                          setNoteFor(null);
                          setNotedIds((current) => new Set(current).add(item.id));
                          addNoteToCard(item.id, note);
                          focusCard(index);
                        }}
                        onEscape={(isEmpty) => {
                          if (isEmpty) setNoteFor(null);
                          focusCard(index);
                        }}
                      />
                    </div>
                  ) : null}
                  {notedIds.has(item.id) ? (
                    <p className="mt-2 text-xs text-slate-600" data-testid="card-note-saved">
                      Note added (see <Link href={`/comments/${item.id}`} className="underline">the comment&rsquo;s page</Link>).
                    </p>
                  ) : null}
                  {hidePickerFor === item.id ? (
                    <HideReasonPicker
                      onHide={(reason, note) => void hideWithNote(item, reason, note)}
                      onCancel={() => {
                        closeHidePicker();
                        focusCard(index);
                      }}
                    />
                  ) : null}
                </CommentCard>
              );
            })}
          </div>
        </section>
      ))}
      {props.nextPageHref || pageEnd ? (
        <div className="mt-6 flex flex-wrap items-center gap-3 text-sm" data-testid="queue-page-end">
          {pageEnd ? (
            <p role="status" className="font-medium text-slate-700" data-testid="queue-page-end-notice">
              {describePageEnd(pageEnd, Boolean(props.nextPageHref))}
            </p>
          ) : null}
          {props.nextPageHref ? (
            <Link
              ref={nextPageLink}
              href={props.nextPageHref}
              className={`inline-flex min-h-11 scroll-mb-44 items-center rounded-md border px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${pageEnd ? "border-sky-700 bg-sky-700 text-white" : "border-slate-300"}`}
              data-testid="queue-next-page"
            >
              Next page
            </Link>
          ) : null}
        </div>
      ) : null}
      {keys.isHelpOpen ? (
        <ShortcutsDialog
          onClose={() => {
            setKeys((state) => ({ ...state, isHelpOpen: false }));
            focusCard(keys.focus);
          }}
        />
      ) : null}
      {/* The list of keys opens with the mouse too: a pointer user can learn what the keyboard does. */}
      <button type="button" onClick={() => setKeys((state) => ({ ...state, isHelpOpen: true }))} className="mt-6 rounded-md px-2 py-1 text-xs text-slate-600 underline hover:bg-slate-100 max-md:hidden">
        Keyboard shortcuts (?)
      </button>
    </div>
  );
}

// Storage can be refused (a private window, a full quota): the place is then simply not kept.
function readSession(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeSession(key: string, value: string): void {
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    // Not kept; nothing else depends on it.
  }
}

function toggled(current: Set<number>, id: number): Set<number> {
  const next = new Set(current);
  if (!next.delete(id)) next.add(id);
  return next;
}
