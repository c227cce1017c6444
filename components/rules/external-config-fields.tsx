"use client";

import type { ConfigFields } from "@/lib/rules/rule-config-fields";
import { RULE_CATEGORIES } from "@/lib/detect/types";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-50";
const label = (value: string) => value.replace("_", "-").toLowerCase();

/** The EXTERNAL part of the rule form: where the endpoint is, what each category needs to flag, how long to wait. */
export function ExternalConfigFields({ fields, onChange, isReadOnly }: { fields: ConfigFields; onChange: (patch: Partial<ConfigFields>) => void; isReadOnly: boolean }) {
  return (
    <div className="space-y-3">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Endpoint URL</span>
        <input className={`${input} font-mono`} value={fields.url} disabled={isReadOnly} placeholder="https://scorer.example.org/moddesk" onChange={(event) => onChange({ url: event.target.value })} />
        <span className="mt-0.5 block text-xs text-slate-500">Each new comment is POSTed here, signed like the webhooks (docs/external-classifier.md). The signing secret is shown once, when the rule is created.</span>
      </label>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Flag when the endpoint&apos;s score is at least (0-1; empty: never)</legend>
        <div className="mt-1 grid grid-cols-2 gap-3 md:grid-cols-4">
          {RULE_CATEGORIES.map((name) => (
            <label key={name} className="block text-sm">
              <span className="text-slate-600">{label(name)}</span>
              <input className={input} inputMode="decimal" value={fields.thresholds[name]} disabled={isReadOnly} aria-label={`Threshold ${label(name)}`} onChange={(event) => onChange({ thresholds: { ...fields.thresholds, [name]: event.target.value } })} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Timeout (ms)</span>
          <input className={input} inputMode="numeric" value={fields.timeoutMs} disabled={isReadOnly} onChange={(event) => onChange({ timeoutMs: event.target.value })} />
          <span className="mt-0.5 block text-xs text-slate-500">100 to 10,000. A call that takes longer fails; its comments stay &quot;not scored&quot; and are retried.</span>
        </label>
        <label className="mt-6 block text-sm">
          <input type="checkbox" checked={fields.allowPrivateNetwork} disabled={isReadOnly} onChange={(event) => onChange({ allowPrivateNetwork: event.target.checked })} /> Allow private and loopback addresses
          <span className="mt-0.5 block text-xs text-slate-500">Refused by default, as for webhooks: allow only for a scorer inside your own network.</span>
        </label>
      </div>
    </div>
  );
}
