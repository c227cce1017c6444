import type { ActionResult } from "@/lib/action";

// What every connector's settings form shares: the field style, and the save button with the
// answer under it (saved, or the validation message naming the field).

export const settingsInput = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-2";

export function SaveSettingsButton({ label, isPending, state }: { label: string; isPending: boolean; state: ActionResult<unknown> | null }) {
  return (
    <>
      <button type="submit" disabled={isPending} className="min-h-11 rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        Save {label} settings
      </button>
      <div aria-live="polite" className="text-sm">
        {state?.ok ? <p className="text-green-800">{label} settings saved.</p> : null}
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
      </div>
    </>
  );
}
