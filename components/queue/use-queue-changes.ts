"use client";

import { useCallback, useEffect, useRef } from "react";
import type { QueueCounts } from "@/lib/moderation/count-queue-tabs";
import type { QueueChange } from "@/lib/moderation/list-queue-changes";

// Polling, not SSE: a small GET every few seconds is stateless on the server, passes any proxy,
// and uses the decision (createdAt, id) index; the queue can afford seconds of latency.
const POLL_MS = 4_000;

export function useQueueChanges(since: string, onChanges: (changes: QueueChange[], counts: QueueCounts) => void): () => void {
  const sinceRef = useRef(since);
  const seen = useRef(new Set<number>());
  const handler = useRef(onChanges);
  const isPolling = useRef(false);
  useEffect(() => {
    handler.current = onChanges;
  });

  const poll = useCallback(async () => {
    if (isPolling.current) return;
    isPolling.current = true;
    try {
      const response = await fetch(`/api/v1/queue/changes?since=${encodeURIComponent(sinceRef.current)}`, { cache: "no-store" });
      if (!response.ok) return;
      const body = (await response.json()) as { now: string; changes: QueueChange[]; counts: QueueCounts };
      sinceRef.current = body.now;
      // The server answers with an overlap window; each decision is applied once.
      const fresh = body.changes.filter((change) => !seen.current.has(change.decisionId));
      for (const change of fresh) seen.current.add(change.decisionId);
      handler.current(fresh, body.counts);
    } catch {
      // Offline for a moment: the next poll catches up.
    } finally {
      isPolling.current = false;
    }
  }, []);

  useEffect(() => {
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

  return poll;
}
