"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { signInAction } from "@/lib/auth/actions";

export function SignInForm({ next }: { next?: string }) {
  // The submitted email is kept so that a failed attempt does not make the moderator retype it.
  const [state, formAction, isPending] = useActionState<(ActionResult<void> & { email: string }) | null, FormData>(
    async (_previous, formData) => ({ ...(await signInAction(formData)), email: String(formData.get("email") ?? "") }),
    null,
  );
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {/* Disabled while an attempt is pending: React resets the form when the answer comes, which
          would wipe (or, typed fast, half-submit) what was typed in the meantime. */}
      <fieldset disabled={isPending} className="space-y-4">
        <div>
          <label htmlFor="email" className="block text-sm font-medium text-slate-700">
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={state?.email} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-slate-500 focus:ring-2 focus:ring-slate-200 focus:outline-none" />
          {fieldErrors?.email ? <p className="mt-1 text-sm text-red-700">{fieldErrors.email[0]}</p> : null}
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-700">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-slate-500 focus:ring-2 focus:ring-slate-200 focus:outline-none" />
          {fieldErrors?.password ? <p className="mt-1 text-sm text-red-700">{fieldErrors.password[0]}</p> : null}
        </div>
      </fieldset>
      {state && !state.ok && !fieldErrors ? (
        <p role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={isPending} className="w-full rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60">
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
