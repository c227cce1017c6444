"use client";

/**
 * Shown when the queue's poll is refused (401): the session ended (12 hours after sign-in, or the
 * account was disabled). The page stays as it is, so a note being typed can still be copied; the
 * link signs in again and comes back to this tab and its filters.
 */
export function SessionEndedBanner({ returnPath }: { returnPath: string }) {
  return (
    <div role="alert" data-testid="session-ended" className="mt-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      Your session has ended: nothing more is saved and the queue no longer updates.{" "}
      <a className="font-medium underline" href={`/sign-in?next=${encodeURIComponent(returnPath)}`}>
        Sign in again
      </a>{" "}
      to carry on here.
    </div>
  );
}
