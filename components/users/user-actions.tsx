"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import { changeUserRoleAction, resetUserPasswordAction, setUserDisabledAction } from "@/lib/auth/account-actions";

export interface UserActionsProps {
  user: { id: string; email: string; role: "admin" | "moderator"; isDisabled: boolean };
  isSelf: boolean;
}

const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50";

/** Role, disable/enable and password reset for one account. The domain refuses what would leave no admin. */
export function UserActions({ user, isSelf }: UserActionsProps) {
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const [newPassword, setNewPassword] = useState<string | null>(null);

  const perform = <T,>(confirmText: string | null, call: () => Promise<ActionResult<T>>, describe: (data: T) => string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    startTransition(async () => {
      const result = await call();
      setMessage(result.ok ? { isError: false, text: describe(result.data) } : { isError: true, text: result.message });
    });
  };

  const otherRole = user.role === "admin" ? "moderator" : "admin";
  return (
    <div className="flex flex-col gap-1" data-testid={`user-actions-${user.email}`}>
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          disabled={isPending}
          className={button}
          onClick={() => perform(null, () => changeUserRoleAction({ userId: user.id, role: otherRole }), (data) => `${data.email} is now ${data.after === "admin" ? "an admin" : "a moderator"}.`)}
        >
          {user.role === "admin" ? "Make moderator" : "Make admin"}
        </button>
        {isSelf ? null : (
          <button
            type="button"
            disabled={isPending}
            className={button}
            onClick={() =>
              perform(
                user.isDisabled ? null : `Disable ${user.email}? Their sessions end and their API tokens are revoked now; their decisions stay in the history.`,
                () => setUserDisabledAction({ userId: user.id, isDisabled: String(!user.isDisabled) }),
                (data) => (data.isDisabled ? `${data.email} is disabled: ${data.sessionsEnded} session(s) ended, ${data.tokensRevoked} API token(s) revoked.` : `${data.email} can sign in again.`),
              )
            }
          >
            {user.isDisabled ? "Enable" : "Disable"}
          </button>
        )}
        <button
          type="button"
          disabled={isPending}
          className={button}
          onClick={() =>
            perform(
              `Reset the password of ${user.email}? Their sessions end and their API tokens are revoked.`,
              () => resetUserPasswordAction({ userId: user.id }),
              (data) => {
                setNewPassword(data.password);
                return `New password for ${data.email}, shown only now:`;
              },
            )
          }
        >
          Reset password
        </button>
      </div>
      <div aria-live="polite" className="text-xs">
        {message ? (
          <p className={message.isError ? "text-red-700" : "text-slate-700"} role={message.isError ? "alert" : undefined} data-testid="user-action-result">
            {message.text} {newPassword && !message.isError ? <code className="rounded bg-slate-100 px-1" data-testid="reset-password-value">{newPassword}</code> : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
