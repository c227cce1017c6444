"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteRuleAction, setRuleEnabledAction } from "@/lib/rules/actions";

/** Enable/disable and delete, each guarded by the version on screen. */
export function RuleStatusActions({ id, version, isEnabled }: { id: number; version: number; isEnabled: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await setRuleEnabledAction({ id, expectedVersion: version, enabled: !isEnabled });
      setMessage(result.ok ? null : result.message);
      if (result.ok) router.refresh();
    });
  const remove = () => {
    if (!window.confirm("Delete this rule? It stops flagging at once; its flags on pending comments are withdrawn (each comment keeps them in its history).")) return;
    startTransition(async () => {
      const result = await deleteRuleAction({ id, expectedVersion: version });
      if (result.ok) router.push("/rules");
      else setMessage(result.message);
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={toggle} disabled={isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60">
        {isEnabled ? "Disable" : "Enable"}
      </button>
      <button type="button" onClick={remove} disabled={isPending} className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 disabled:opacity-60">
        Delete
      </button>
      {message ? <p className="text-sm text-red-700" role="alert">{message}</p> : null}
    </div>
  );
}
