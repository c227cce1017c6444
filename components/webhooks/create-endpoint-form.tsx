"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import { createWebhookEndpointAction } from "@/lib/webhooks/actions";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import { SecretOnce } from "./secret-once";

type Created = { id: number; secret: string };

export function CreateEndpointForm() {
  const [state, setState] = useState<ActionResult<Created> | null>(null);
  const [isPending, startTransition] = useTransition();
  // A submit handler, not a form action: React resets a form after its action, which would wipe
  // what the admin typed when the answer is "fix this field".
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      setState(
        await createWebhookEndpointAction({
          url: String(formData.get("url") ?? ""),
          events: formData.getAll("events").map(String) as WebhookEvent[],
          timeoutMs: Number(formData.get("timeoutMs") ?? 5000),
          allowPrivateNetwork: formData.get("allowPrivateNetwork") === "on",
        }),
      );
    });
  };
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form onSubmit={submit} aria-label="Add a webhook endpoint" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="font-semibold">Add an endpoint</h2>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Receiver URL</span>
        <input name="url" type="url" required placeholder="https://cms.example.org/moddesk-hook" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2" />
        {fieldError("url") ? <span className="text-red-700">{fieldError("url")}</span> : null}
      </label>
      <fieldset className="text-sm">
        <legend className="font-medium text-slate-700">Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="events" value={event} defaultChecked={event === "comment.decided"} className="h-5 w-5" />
            <code>{event}</code> <span className="text-slate-600">{WEBHOOK_EVENT_DESCRIPTIONS[event]}</span>
          </label>
        ))}
        {fieldError("events") ? <span className="text-red-700">{fieldError("events")}</span> : null}
      </fieldset>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Timeout per attempt (ms)</span>
        <input name="timeoutMs" type="number" min={500} max={30000} defaultValue={5000} className="mt-1 block w-40 rounded-md border border-slate-300 px-2 py-2" />
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="allowPrivateNetwork" className="h-5 w-5" />
        Allow private and loopback addresses (only for a receiver inside your own network: it lets this server reach internal systems)
      </label>
      <button type="submit" disabled={isPending} className="min-h-11 rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        Add endpoint
      </button>
      <div aria-live="polite">
        {state?.ok ? <SecretOnce secret={state.data.secret} what={`Endpoint #${state.data.id} added.`} /> : null}
        {state && !state.ok && !state.fieldErrors ? <p className="text-sm text-red-700">{state.message}</p> : null}
      </div>
    </form>
  );
}
