"use client";

import { useActionState, useRef, useSyncExternalStore } from "react";
import type { ActionResult } from "@/lib/action";
import { setDeskTimeZoneAction, setOwnTimeZoneAction } from "@/lib/settings/actions";

export interface TimeZoneFormProps {
  /** "desk": the admins' setting for everyone; "own": this user's override (empty follows the desk). */
  scope: "desk" | "own";
  current: string | null;
  deskTimeZone: string;
  zones: string[];
}

export function TimeZoneForm({ scope, current, deskTimeZone, zones }: TimeZoneFormProps) {
  const action = scope === "desk" ? setDeskTimeZoneAction : setOwnTimeZoneAction;
  const [state, formAction, isPending] = useActionState<ActionResult<{ timeZone: string | null }> | null, FormData>((_previous, formData) => action(formData), null);
  const listId = `time-zones-${scope}`;
  const input = useRef<HTMLInputElement>(null);
  // The zone this browser runs in, known only once hydrated: a moderator whose desk shows another
  // zone (the server's, by default) can take their own in one click rather than typing its name.
  const deviceZone = useSyncExternalStore(subscribeToNothing, browserTimeZone, () => null);
  const shownZone = state?.ok ? (state.data.timeZone ?? deskTimeZone) : (current ?? deskTimeZone);
  return (
    <form action={formAction} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`${listId}-heading`}>
      <h2 id={`${listId}-heading`} className="font-semibold">
        {scope === "desk" ? "The desk's time zone" : "Your time zone"}
      </h2>
      <p className="text-sm text-slate-600">
        {scope === "desk"
          ? "Every date in the dashboard is shown in this zone, with the zone named, unless a user picks their own. Insights counts this zone's days: a change re-counts them in the background. Exports and the API stay in ISO 8601 UTC."
          : `Leave empty to follow the desk's zone (${deskTimeZone}). Exports and the API stay in ISO 8601 UTC.`}
      </p>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Time zone (IANA name, e.g. Asia/Karachi)</span>
        <input ref={input} name="timeZone" list={listId} defaultValue={current ?? ""} required={scope === "desk"} className="mt-1 block w-64 max-w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        <datalist id={listId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </label>
      {scope === "own" && deviceZone && deviceZone !== shownZone ? (
        <p className="text-sm text-slate-700" data-testid="device-time-zone">
          This device is in {deviceZone}.{" "}
          <button
            type="button"
            onClick={() => {
              if (input.current) input.current.value = deviceZone;
              input.current?.form?.requestSubmit();
            }}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100"
          >
            Use {deviceZone}
          </button>
        </p>
      ) : null}
      <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        Save time zone
      </button>
      <div aria-live="polite" className="text-sm" data-testid={`time-zone-result-${scope}`}>
        {state?.ok ? <p className="text-emerald-800">Saved: times now show in {state.data.timeZone ?? `the desk's zone (${deskTimeZone})`}.</p> : null}
        {state && !state.ok ? <p className="text-red-700">{state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : state.message}</p> : null}
      </div>
    </form>
  );
}

function browserTimeZone(): string | null {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}

/** The browser's zone does not change under a page: there is nothing to subscribe to. */
function subscribeToNothing(): () => void {
  return () => {};
}
