"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { isRerunActive, rerunLabel, type RerunSummary } from "@/lib/rules/rerun-label";

const POLL_MS = 1_000;

/** After a rule change: the pass re-checking the pending comments, followed until it is done. */
export function RecheckNotice({ rerun }: { rerun: RerunSummary }) {
  const router = useRouter();
  const isActive = isRerunActive(rerun);
  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [isActive, router]);
  return (
    <p className={`text-sm ${rerun.status === "FAILED" ? "text-red-700" : "text-slate-700"}`} role="status" data-testid="rule-recheck">
      {rerunLabel(rerun)}
    </p>
  );
}
