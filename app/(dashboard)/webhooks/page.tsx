import type { Metadata } from "next";
import { CreateEndpointForm } from "@/components/webhooks/create-endpoint-form";
import { EndpointControls, ResendButton } from "@/components/webhooks/endpoint-controls";
import { EndpointHealth } from "@/components/webhooks/endpoint-health";
import { DataTable } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { listRecentDeliveries, listWebhookEndpoints } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePagePermission("webhooks:manage", "/webhooks");
  const timeZone = await getDisplayTimeZone();
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(), listRecentDeliveries()]);
  const now = new Date();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Moddesk tells your site about decisions as they happen: each event is a signed POST (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
          <code>webhook-signature</code>), written in the same transaction as the decision and retried with growing delays for over a day. A comment&apos;s events arrive in order. A slow or
          unreachable receiver never slows the queue: after three failed attempts in a row it is paused, then tried again with one delivery at growing intervals (up to 10
          minutes), while its other deliveries wait for it.
        </p>
      </div>
      <CreateEndpointForm />
      <section aria-label="Endpoints" className="space-y-3">
        <h2 className="font-semibold">Endpoints</h2>
        {endpoints.length === 0 ? <p className="text-sm text-slate-600">No endpoint yet.</p> : null}
        {endpoints.map((endpoint) => (
          <article key={endpoint.id} data-testid="webhook-endpoint" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <p className="break-all font-medium">
              #{endpoint.id} {endpoint.url} {endpoint.enabled ? null : <span className="rounded bg-slate-200 px-1">disabled</span>}
            </p>
            <p className="text-slate-600">
              {endpoint.events.join(", ")} · timeout {endpoint.timeoutMs} ms{endpoint.allowPrivateNetwork ? " · private networks allowed" : ""} · {endpoint.pending} pending · {endpoint.dead} dead
              {endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() ? ` · previous secret signs until ${formatDateTime(endpoint.previousSecretUntil, timeZone)}` : ""}
            </p>
            {endpoint.enabled ? <EndpointHealth endpoint={endpoint} timeZone={timeZone} now={now} /> : null}
            <EndpointControls endpointId={endpoint.id} enabled={endpoint.enabled} dead={endpoint.dead} />
          </article>
        ))}
      </section>
      <DataTable
        caption="Latest deliveries"
        testId="webhook-deliveries"
        headers={["Delivery", "Endpoint", "Event", "Status", "Attempts", "Last answer", "Latency", "Next attempt", ""]}
        rows={deliveries.map((delivery) => [
          `#${delivery.id}`,
          `#${delivery.endpointId}`,
          <span key="event" className="break-all">
            <code>{delivery.eventType}</code> {delivery.orderingKey}
          </span>,
          <span key="status" data-testid="delivery-status">
            {delivery.status.toLowerCase()}
          </span>,
          delivery.attempts,
          <span key="answer" className="comment-text block max-w-xs truncate" title={delivery.lastResponse ?? ""}>
            {delivery.lastStatusCode ?? ""} {delivery.lastResponse ?? ""}
          </span>,
          delivery.lastLatencyMs === null ? "" : `${delivery.lastLatencyMs} ms`,
          delivery.status === "PENDING" ? formatDateTime(delivery.nextAttemptAt, timeZone) : "",
          <ResendButton key="resend" deliveryId={delivery.id} />,
        ])}
      />
    </main>
  );
}
