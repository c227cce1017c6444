"use client";

/** A signing secret, shown once after it is made: it cannot be read again. */
export function SecretOnce({ secret, what }: { secret: string; what: string }) {
  return (
    <div data-testid="webhook-secret-panel" className="space-y-1 text-sm">
      <p>{what} Copy the signing secret now: it is shown only once.</p>
      <code data-testid="webhook-secret" className="block select-all break-all rounded bg-slate-100 px-2 py-1 font-mono">
        {secret}
      </code>
    </div>
  );
}
