"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import { saveConnectorSettingsAction } from "@/lib/connectors/actions";
import { SaveSettingsButton, settingsInput } from "./settings-form-parts";

interface DisqusSettings {
  forum?: unknown;
  apiKey?: unknown;
  hideAs?: unknown;
  reviewApproved?: unknown;
}

const SECRET_FIELDS = ["apiSecret", "accessToken"] as const;

/** The forum, the application's keys and a moderator's token (secrets left blank: the stored ones are kept, never shown). */
export function DisqusSettingsForm({ settings, hasSecret, enabled }: { settings: DisqusSettings; hasSecret: boolean; enabled: boolean }) {
  const [state, setState] = useState<ActionResult<{ id: number }> | null>(null);
  const [isPending, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    startTransition(async () => {
      const result = await saveConnectorSettingsAction({
        kind: "disqus",
        enabled: form.get("enabled") === "on",
        settings: {
          forum: String(form.get("forum") ?? "").trim(),
          apiKey: String(form.get("apiKey") ?? "").trim(),
          apiSecret: String(form.get("apiSecret") ?? "").trim(),
          accessToken: String(form.get("accessToken") ?? "").trim(),
          hideAs: String(form.get("hideAs") ?? "remove"),
          reviewApproved: form.get("reviewApproved") === "on",
        },
      });
      setState(result);
      if (result.ok) for (const name of SECRET_FIELDS) formElement.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value = "";
    });
  };
  const storedHint = hasSecret ? "stored: leave blank to keep it" : "";
  return (
    <form onSubmit={submit} aria-label="Disqus settings" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="font-semibold">Disqus</h2>
      <p className="text-sm text-slate-600">
        Create an application at disqus.com/api/applications with OAuth on; the access token must belong to a moderator of the forum, or Disqus refuses approvals and removals.
      </p>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Forum short name</span>
        <input name="forum" required defaultValue={typeof settings.forum === "string" ? settings.forum : ""} placeholder="examplenews" autoComplete="off" className={settingsInput} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">API key (the application&apos;s public key)</span>
        <input name="apiKey" required defaultValue={typeof settings.apiKey === "string" ? settings.apiKey : ""} autoComplete="off" className={settingsInput} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">API secret (the application&apos;s secret key)</span>
        <input name="apiSecret" type="password" required={!hasSecret} autoComplete="new-password" placeholder={storedHint} className={settingsInput} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Access token of a forum moderator</span>
        <input name="accessToken" type="password" required={!hasSecret} autoComplete="new-password" placeholder={storedHint} className={settingsInput} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">A hide in Moddesk marks the post on Disqus as</span>
        <select name="hideAs" defaultValue={settings.hideAs === "spam" ? "spam" : "remove"} className={settingsInput}>
          <option value="remove">removed</option>
          <option value="spam">spam (also teaches Disqus&apos;s spam filter)</option>
        </select>
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="reviewApproved" defaultChecked={settings.reviewApproved === true} className="h-5 w-5" />
        Posts already live on Disqus arrive pending, so the desk reviews everything (post-moderated forums)
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={enabled} className="h-5 w-5" />
        On: pull Disqus posts every 5 minutes and push decisions
      </label>
      <SaveSettingsButton label="Disqus" isPending={isPending} state={state} />
    </form>
  );
}
