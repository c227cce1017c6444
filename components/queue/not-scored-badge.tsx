import type { NotScored } from "@/lib/moderation/queue-item";

/** An EXTERNAL rule's endpoint has not scored this comment yet: its flags may still come (docs/external-classifier.md). */
export function NotScoredBadge({ notScored }: { notScored: NotScored[] }) {
  const lines = notScored.map((entry) =>
    entry.lastError === null ? `${entry.ruleName}: waiting for its first call` : `${entry.ruleName}: ${entry.attempts} failed ${entry.attempts === 1 ? "call" : "calls"}, last: ${entry.lastError}; retried in the background`,
  );
  return (
    <span
      className="cursor-help rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-700"
      title={`Not scored yet by an external classifier, so a flag from it may still come.\n${lines.join("\n")}`}
      data-testid="not-scored"
    >
      not scored
    </span>
  );
}
