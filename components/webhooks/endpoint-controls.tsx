"use client";

import { useState, useTransition } from "react";
import { resendDeadWebhookDeliveriesAction, resendWebhookDeliveryAction, rotateWebhookSecretAction, sendWebhookTestEventAction, setWebhookEndpointEnabledAction } from "@/lib/webhooks/actions";
import { SecretOnce } from "./secret-once";

function ControlButton({ disabled, onClick, children }: { disabled: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" className="min-h-11 rounded-md border border-slate-300 px-3 py-2 text-sm disabled:opacity-60" disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

export function EndpointControls({ endpointId, enabled, dead }: { endpointId: number; enabled: boolean; dead: number }) {
  const [isPending, startTransition] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {enabled ? (
          <ControlButton
            disabled={isPending}
            onClick={() =>
              startTransition(async () => {
                const result = await sendWebhookTestEventAction({ endpointId });
                setSent(result.ok ? `Test event queued as delivery #${result.data.deliveryId} (webhook-id ${result.data.messageId}): reload in a few seconds to see its answer under Latest deliveries.` : null);
                setMessage(result.ok ? null : result.message);
              })
            }
          >
            Send test event
          </ControlButton>
        ) : null}
        <ControlButton
          disabled={isPending}
          onClick={() =>
            startTransition(async () => {
              const result = await rotateWebhookSecretAction({ endpointId });
              if (result.ok) setSecret(result.data.secret);
              setMessage(result.ok ? null : result.message);
            })
          }
        >
          Rotate secret
        </ControlButton>
        <ControlButton
          disabled={isPending}
          onClick={() =>
            startTransition(async () => {
              const result = await setWebhookEndpointEnabledAction({ endpointId, enabled: !enabled });
              setMessage(result.ok ? null : result.message);
            })
          }
        >
          {enabled ? "Disable" : "Enable"}
        </ControlButton>
        {dead > 0 ? (
          <ControlButton
            disabled={isPending}
            onClick={() =>
              startTransition(async () => {
                const result = await resendDeadWebhookDeliveriesAction({ endpointId });
                setSent(result.ok ? `${result.data.requeued} dead ${result.data.requeued === 1 ? "delivery" : "deliveries"} queued again, oldest first, with their webhook-ids.` : null);
                setMessage(result.ok ? null : result.message);
              })
            }
          >
            Resend {dead} dead
          </ControlButton>
        ) : null}
      </div>
      {secret ? <SecretOnce secret={secret} what="New secret made; the previous one keeps signing for 24 hours." /> : null}
      {sent ? (
        <p className="text-sm text-slate-700" role="status">
          {sent}
        </p>
      ) : null}
      {message ? <p className="text-sm text-red-700">{message}</p> : null}
    </div>
  );
}

export function ResendButton({ deliveryId }: { deliveryId: number }) {
  const [isPending, startTransition] = useTransition();
  const [done, setDone] = useState(false);
  return (
    <ControlButton
      disabled={isPending || done}
      onClick={() =>
        startTransition(async () => {
          const result = await resendWebhookDeliveryAction({ deliveryId });
          setDone(result.ok);
        })
      }
    >
      {done ? "Queued" : "Resend"}
    </ControlButton>
  );
}
