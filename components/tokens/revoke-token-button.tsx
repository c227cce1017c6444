"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { revokeApiTokenAction } from "@/lib/auth/token-actions";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult<{ id: number }> | null, FormData>((_previous, formData) => revokeApiTokenAction(formData), null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token '${name}'? Anything using it stops working at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={isPending} aria-label={`Revoke ${name}`} className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 disabled:opacity-60">
        Revoke
      </button>
      {state && !state.ok ? <span className="ml-2 text-xs text-red-700">{state.message}</span> : null}
    </form>
  );
}
