"use client";

import { useState, useTransition } from "react";
import { resolveConnectorPushAction, syncConnectorAction } from "@/lib/connectors/actions";
import type { ConnectorKind } from "@/lib/connectors/connector";
import type { PushResolution } from "@/lib/connectors/resolve-push";

const button = "min-h-11 rounded-md border border-slate-300 px-3 py-2 text-sm disabled:opacity-60";

export function SyncNowButton({ kind }: { kind: ConnectorKind }) {
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className="min-h-11 rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await syncConnectorAction({ kind });
            if (!result.ok) return setMessage(result.message);
            const summary = result.data;
            setMessage(
              summary.status === "COMPLETED"
                ? `Synced: ${summary.pulled} pulled, ${summary.added} new, ${summary.duplicates} already here, ${summary.rejected} rejected.`
                : (summary.error ?? "The sync did not run."),
            );
          })
        }
      >
        {isPending ? "Syncing…" : "Sync now"}
      </button>
      <p aria-live="polite" data-testid="sync-result" className="text-sm">
        {message}
      </p>
    </div>
  );
}

const LABELS: Record<PushResolution, string> = { "push-anyway": "Push anyway", "accept-site": "Keep the site's state", retry: "Try again" };

export function ResolvePushButtons({ pushId, resolutions }: { pushId: number; resolutions: PushResolution[] }) {
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap gap-2">
      {resolutions.map((resolution) => (
        <button
          key={resolution}
          type="button"
          className={button}
          disabled={isPending}
          onClick={() =>
            startTransition(async () => {
              const result = await resolveConnectorPushAction({ pushId, resolution });
              setMessage(result.ok ? null : result.message);
            })
          }
        >
          {LABELS[resolution]}
        </button>
      ))}
      {message ? <p className="text-sm text-red-700">{message}</p> : null}
    </div>
  );
}
