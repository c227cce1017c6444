"use client";

import { useCallback, useEffect, useRef } from "react";
import type { QueueCounts } from "@/lib/moderation/count-queue-tabs";
import type { QueueChange, QueueChangesPage } from "@/lib/moderation/list-queue-changes";

// Polling, not SSE: a small GET every few seconds is stateless on the server, passes any proxy,
// and uses the decision (createdAt, id) index; the queue can afford seconds of latency.
const POLL_MS = 4_000;
/** 100 pages of 500 changes; past that the page reloads rather than apply them card by card. */
const MAX_PAGES = 100;

/**
 * Polls the queue's changes. A 401 means the session ended: `onSignedOut` is told once and polling
 * stops (the board says so, instead of looking live while nothing updates).
 */
export function useQueueChanges(since: string, onChanges: (changes: QueueChange[], counts: QueueCounts) => void, onSignedOut: () => void): () => void {
  const sinceRef = useRef(since);
  const isSignedOut = useRef(false);
  const signedOut = useRef(onSignedOut);
  const seen = useRef(new Set<number>());
  const handler = useRef(onChanges);
  const isPolling = useRef(false);
  useEffect(() => {
    handler.current = onChanges;
    signedOut.current = onSignedOut;
  });

  const poll = useCallback(async () => {
    if (isPolling.current || isSignedOut.current) return;
    isPolling.current = true;
    try {
      // A bulk run decides thousands in seconds: the server answers a page at a time and names the
      // next one; `since` moves on only once every page of this round arrived.
      const base = `/api/v1/queue/changes?since=${encodeURIComponent(sinceRef.current)}`;
      let url = base;
      let now: string | undefined;
      let counts: QueueCounts | undefined;
      const changes: QueueChange[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const response = await fetch(url, { cache: "no-store" });
        if (response.status === 401) {
          isSignedOut.current = true;
          signedOut.current();
          return;
        }
        if (!response.ok) return;
        const body = (await response.json()) as QueueChangesPage;
        now ??= body.now;
        counts = body.counts;
        changes.push(...body.changes);
        if (!body.next) break;
        url = `${base}&afterAt=${encodeURIComponent(body.next.afterAt)}&afterId=${body.next.afterId}`;
        if (page === MAX_PAGES - 1) {
          // More than the queue can apply card by card: show it afresh instead.
          window.location.reload();
          return;
        }
      }
      if (now === undefined || counts === undefined) return;
      sinceRef.current = now;
      // The server answers with an overlap window; each decision is applied once.
      const fresh = changes.filter((change) => !seen.current.has(change.decisionId));
      for (const change of fresh) seen.current.add(change.decisionId);
      handler.current(fresh, counts);
    } catch {
      // Offline for a moment: the next poll catches up.
    } finally {
      isPolling.current = false;
    }
  }, []);

  useEffect(() => {
    // At once too: a queue shown again by the browser's Back comes from the router's cache, as
    // old as when it was left; the decisions made since (one's own among them) show now, not in 4 s.
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

  return poll;
}
