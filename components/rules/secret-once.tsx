"use client";

import { useRouter } from "next/navigation";

/** The signing secret of a new EXTERNAL rule: shown this once (it is never shown again), then on to the rule. */
export function SecretOnce({ secret, href }: { secret: string; href: string }) {
  const router = useRouter();
  return (
    <section className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" aria-labelledby="secret-heading" data-testid="external-secret">
      <h2 id="secret-heading" className="font-semibold">Rule saved: copy the endpoint&apos;s signing secret now</h2>
      <p className="text-sm text-slate-700">Moddesk signs every call to the endpoint with this secret (Standard Webhooks headers). Give it to the endpoint so it can verify the calls; it is not shown again.</p>
      <code className="block break-all rounded bg-white p-2 font-mono text-sm" data-testid="external-secret-value">{secret}</code>
      <button
        type="button"
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white"
        onClick={() => {
          router.push(href);
          router.refresh();
        }}
      >
        I have copied it
      </button>
    </section>
  );
}
