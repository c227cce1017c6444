import { LocalTime } from "@/components/ui/local-time";
import { formatShare } from "@/lib/insights/format-figures";
import type { ModelStatus } from "@/lib/suggest/get-model-status";

// What the queue's suggestions rest on: figures measured on decisions the model never saw.
export function ModelStatusCard({ status }: { status: ModelStatus }) {
  const model = status.model;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="model-status" aria-label="Suggestion model">
      <h2 className="text-sm font-semibold text-slate-700">Suggestion model</h2>
      {status.state === "off" ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="model-off">
          Off: {status.why}.
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700" data-testid="model-on">
          On. The queue shows its suggestions; they never act by themselves.
        </p>
      )}
      {model ? (
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-slate-500">Held-out accuracy</dt>
          <dd className="font-semibold" data-testid="model-accuracy">{formatShare(model.heldOutAccuracy)}</dd>
          <dt className="text-slate-500">Majority baseline</dt>
          <dd className="font-semibold">{formatShare(model.baselineAccuracy)}</dd>
          <dt className="text-slate-500">Trained</dt>
          <dd><LocalTime value={new Date(model.trainedAt)} /></dd>
          <dt className="text-slate-500">On decisions</dt>
          <dd>
            {model.decisions} (newest 20% held out)
          </dd>
        </dl>
      ) : null}
      {model ? (
        <p className="mt-2 text-xs text-slate-500">
          Retrains after {model.retrainEvery} new decisions ({model.newDecisions >= model.retrainEvery ? `${model.retrainEvery}+` : model.newDecisions} so far). Evaluate it with{" "}
          <code>npm run moddesk -- model evaluate</code>.
        </p>
      ) : null}
    </section>
  );
}
