import type { RuleHealth } from "@/lib/insights/flag-insights";
import type { RuleCorpusStatus } from "@/lib/quality/rule-corpus-figures";

const percent = ([hits, total]: [number, number]) => (total === 0 ? "—" : `${Math.round((hits / total) * 100)}%`);

/** Precision and recall on the labelled corpus (quality/rule-figures.json), or why they are missing. */
export function CorpusFiguresCell({ status }: { status: RuleCorpusStatus }) {
  if (status.state === "not-measured") {
    return <span data-testid="corpus-figures" className="text-xs text-slate-500" title="Not in quality/rule-figures.json: npm run quality:check -- --record measures the default pack's rules">not measured</span>;
  }
  const { figures, byName } = status;
  const detail = `On ${status.comments} labelled real comments: flagged ${figures.fired}, ${figures.precision[0]}/${figures.precision[1]} of them labelled ${byName.category.toLowerCase().replace("_", "-")}; found ${figures.recall[0]}/${figures.recall[1]} of those labelled; ${figures.cleanFlagged} clean comments flagged. Dev: P ${percent(byName.splits.dev.precision)} R ${percent(byName.splits.dev.recall)}; test: P ${percent(byName.splits.test.precision)} R ${percent(byName.splits.test.recall)}.`;
  return (
    <span data-testid="corpus-figures" title={detail} className="whitespace-nowrap">
      <span className={status.state === "edited" ? "text-slate-400 line-through" : ""}>
        P {percent(figures.precision)} · R {percent(figures.recall)}
      </span>
      {status.state === "edited" ? <span className="block text-xs text-amber-700">edited since measured</span> : null}
    </span>
  );
}

/** The desk's own verdict over the last days: hidden / (hidden + approved) of what the rule flagged. */
export function DeskPrecisionCell({ health, days }: { health: RuleHealth | undefined; days: number }) {
  const decided = health ? health.hidden + health.approved : 0;
  if (!health || decided === 0) return <span data-testid="desk-precision" className="text-xs text-slate-500" title={`No decided flags in the last ${days} days`}>—</span>;
  const precision = health.hidden / decided;
  return (
    <span data-testid="desk-precision" title={`Last ${days} days: ${health.fired} flagged, ${health.hidden} hidden, ${health.approved} approved`} className={precision < 0.5 ? "font-semibold text-red-700" : ""}>
      {Math.round(precision * 100)}%<span className="ml-1 text-xs text-slate-500">of {decided}</span>
    </span>
  );
}
