"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { changeOwnPasswordAction } from "@/lib/auth/account-actions";

const field = "mt-1 block w-64 max-w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function PasswordForm() {
  const [state, formAction, isPending] = useActionState<ActionResult<{ changed: boolean }> | null, FormData>((_previous, formData) => changeOwnPasswordAction(formData), null);
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="password-heading">
      <h2 id="password-heading" className="font-semibold">
        Change your password
      </h2>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required className={field} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">New password (at least 12 characters)</span>
        <input name="newPassword" type="password" autoComplete="new-password" minLength={12} required className={field} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">New password again</span>
        <input name="confirmPassword" type="password" autoComplete="new-password" minLength={12} required className={field} />
      </label>
      <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        Change password
      </button>
      <div aria-live="polite" className="text-sm" data-testid="password-result">
        {state?.ok ? <p className="text-emerald-800">Password changed. Your other sessions were signed out.</p> : null}
        {state && !state.ok ? <p className="text-red-700">{state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : state.message}</p> : null}
      </div>
    </form>
  );
}
