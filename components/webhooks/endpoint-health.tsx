import { formatDateTime } from "@/lib/format";
import { breakerState } from "@/lib/webhooks/endpoint-breaker";
import type { EndpointView } from "@/lib/webhooks/queries";

/** Whether the receiver answers, and while it does not, since when and when the next probe goes out. */
export function EndpointHealth({ endpoint, timeZone, now }: { endpoint: EndpointView; timeZone: string; now: Date }) {
  if (endpoint.consecutiveFailures === 0 || !endpoint.failingSince) {
    return (
      <p data-testid="endpoint-health" className="text-emerald-800">
        Answering
      </p>
    );
  }
  const state = breakerState(endpoint, now);
  const failing = `Failing since ${formatDateTime(endpoint.failingSince, timeZone)} (${endpoint.consecutiveFailures} failed ${endpoint.consecutiveFailures === 1 ? "attempt" : "attempts"} in a row)`;
  const next =
    state === "paused"
      ? ` · paused: next try at ${formatDateTime(endpoint.pausedUntil, timeZone)}, with one delivery; the others wait for it`
      : state === "probing"
        ? " · next try: now, one delivery at a time until it answers"
        : "";
  return (
    <p data-testid="endpoint-health" className="text-red-800">
      {failing}
      {next}
    </p>
  );
}
