"use client";

import { useTransition } from "react";
import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton() {
  const [isPending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={isPending}
      onClick={() => startTransition(async () => void (await signOutAction({})))}
      className="min-h-11 rounded-md border border-slate-300 px-3 py-1.5 md:min-h-0 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      Sign out
    </button>
  );
}
