"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import { updateDsaSettingsAction } from "@/lib/dsa/actions";
import type { DsaSettings } from "@/lib/dsa/dsa-settings";
import { EEA_COUNTRY_CODES } from "@/lib/dsa/transparency-statement-schema";

const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm";

function settingsFrom(formData: FormData): DsaSettings {
  const text = (name: string) => String(formData.get(name) ?? "");
  return {
    serviceName: text("serviceName"),
    termsGround: text("termsGround"),
    termsUrl: text("termsUrl").trim(),
    visibility: text("visibility") === "REMOVED" ? "REMOVED" : "DISABLED",
    territorialScope: formData.getAll("territorialScope").map(String) as DsaSettings["territorialScope"],
    redressText: text("redressText"),
    publishNotes: formData.get("publishNotes") === "on",
    puidPrefix: text("puidPrefix"),
  };
}

export function DsaSettingsForm({ settings, canEdit }: { settings: DsaSettings; canEdit: boolean }) {
  const [state, setState] = useState<ActionResult<DsaSettings> | null>(null);
  const [isPending, startTransition] = useTransition();
  // A submit handler, not a form action: React resets a form after its action, which would wipe
  // the admin's edits when a field needs fixing.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const settingsInForm = settingsFrom(new FormData(event.currentTarget));
    startTransition(async () => setState(await updateDsaSettingsAction(settingsInForm)));
  };
  const errorOf = (name: keyof DsaSettings) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form onSubmit={submit} aria-label="Statement of reasons settings" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <fieldset disabled={!canEdit || isPending} className="space-y-4">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Site or service name (as commenters know it)</span>
          <input name="serviceName" defaultValue={settings.serviceName} required maxLength={200} className={field} />
          {errorOf("serviceName") ? <span className="text-red-700">{errorOf("serviceName")}</span> : null}
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">The terms a hidden comment breaks (contractual ground)</span>
          <input name="termsGround" defaultValue={settings.termsGround} required maxLength={500} className={field} />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Address of those terms (optional)</span>
          <input name="termsUrl" type="url" defaultValue={settings.termsUrl} maxLength={500} placeholder="https://example.org/comment-guidelines" className={field} />
          {errorOf("termsUrl") ? <span className="text-red-700">{errorOf("termsUrl")}</span> : null}
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">What hiding does on the site</span>
          <select name="visibility" defaultValue={settings.visibility} className={field}>
            <option value="DISABLED">Disables access (the comment is kept, readers cannot see it)</option>
            <option value="REMOVED">Removes the content</option>
          </select>
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-700">Where hidden comments stop being visible (territorial scope)</legend>
          <div className="mt-1 grid grid-cols-5 gap-1 sm:grid-cols-10">
            {EEA_COUNTRY_CODES.map((code) => (
              <label key={code} className="flex min-h-11 items-center gap-1">
                <input type="checkbox" name="territorialScope" value={code} defaultChecked={settings.territorialScope.includes(code)} className="h-5 w-5" />
                {code}
              </label>
            ))}
          </div>
          {errorOf("territorialScope") ? <span className="text-red-700">{errorOf("territorialScope")}</span> : null}
        </fieldset>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">How a commenter can contest a decision (redress)</span>
          <textarea name="redressText" defaultValue={settings.redressText} required maxLength={2000} rows={4} className={field} />
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="publishNotes" defaultChecked={settings.publishNotes} className="h-5 w-5" />
          Include the moderator&apos;s note in statements and notices (notes are internal otherwise)
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Prefix of statement references (puid)</span>
          <input name="puidPrefix" defaultValue={settings.puidPrefix} required maxLength={40} className={field} />
          {errorOf("puidPrefix") ? <span className="text-red-700">{errorOf("puidPrefix")}</span> : null}
        </label>
        {canEdit ? (
          <button type="submit" className="min-h-11 rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
            Save settings
          </button>
        ) : (
          <p className="text-sm text-slate-600">Only admins change these settings.</p>
        )}
      </fieldset>
      <div aria-live="polite" className="text-sm">
        {state?.ok ? <p data-testid="dsa-settings-saved">Saved. Statements and notices use these settings from now on; the change is in the audit log.</p> : null}
        {state && !state.ok && !state.fieldErrors ? <p className="text-red-700">{state.message}</p> : null}
      </div>
    </form>
  );
}
