"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { createUserAction } from "@/lib/auth/actions";

type Created = { email: string; role: string; password: string };

export function CreateUserForm() {
  const [state, formAction, isPending] = useActionState<ActionResult<Created> | null, FormData>((_previous, formData) => createUserAction(formData), null);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Email</span>
          <input name="email" type="email" required className="mt-1 block w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Role</span>
          <select name="role" defaultValue="moderator" className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="moderator">moderator</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
          Create account
        </button>
      </form>
      <div aria-live="polite" className="mt-3 text-sm">
        {state?.ok ? (
          <p data-testid="created-user">
            Created {state.data.role} <strong>{state.data.email}</strong> with password <code className="rounded bg-slate-100 px-1">{state.data.password}</code>. It is shown only now: hand it over securely.
          </p>
        ) : null}
        {state && !state.ok ? <p className="text-red-700">{state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : state.message}</p> : null}
      </div>
    </div>
  );
}
