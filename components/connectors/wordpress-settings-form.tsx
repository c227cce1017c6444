"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import { saveConnectorSettingsAction } from "@/lib/connectors/actions";
import { SaveSettingsButton, settingsInput } from "./settings-form-parts";

interface WordpressSettings {
  siteUrl?: string;
  username?: string;
  hideStatus?: string;
  allowPrivateNetwork?: boolean;
}


/** The site, the user and its application password (left blank: the stored one is kept, never shown). */
export function WordpressSettingsForm({ settings, hasSecret, enabled }: { settings: WordpressSettings; hasSecret: boolean; enabled: boolean }) {
  const [state, setState] = useState<ActionResult<{ id: number }> | null>(null);
  const [isPending, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await saveConnectorSettingsAction({
        kind: "wordpress",
        enabled: form.get("enabled") === "on",
        settings: {
          siteUrl: String(form.get("siteUrl") ?? ""),
          username: String(form.get("username") ?? ""),
          applicationPassword: String(form.get("applicationPassword") ?? ""),
          hideStatus: String(form.get("hideStatus") ?? "hold"),
          allowPrivateNetwork: form.get("allowPrivateNetwork") === "on",
        },
      });
      setState(result);
      if (result.ok) (event.target as HTMLFormElement).querySelector<HTMLInputElement>("input[name=applicationPassword]")!.value = "";
    });
  };
  return (
    <form onSubmit={submit} aria-label="WordPress settings" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="font-semibold">WordPress</h2>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Site address</span>
        <input name="siteUrl" type="url" required defaultValue={settings.siteUrl ?? ""} placeholder="https://news.example.org" className={settingsInput} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">WordPress user (needs to moderate comments, e.g. an Editor)</span>
        <input name="username" required defaultValue={settings.username ?? ""} autoComplete="off" className={settingsInput} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Application password (Users → Profile → Application Passwords)</span>
        <input name="applicationPassword" type="password" required={!hasSecret} autoComplete="new-password" placeholder={hasSecret ? "stored: leave blank to keep it" : ""} className={settingsInput} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">A hide in Moddesk puts the comment</span>
        <select name="hideStatus" defaultValue={settings.hideStatus ?? "hold"} className={settingsInput}>
          <option value="hold">back to WordPress&apos;s moderation queue (hold)</option>
          <option value="trash">in WordPress&apos;s trash</option>
        </select>
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="allowPrivateNetwork" defaultChecked={settings.allowPrivateNetwork === true} className="h-5 w-5" />
        The site is on a private or loopback address (allow this only for a site inside your own network)
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={enabled} className="h-5 w-5" />
        On: pull comments every 5 minutes and push decisions
      </label>
      <SaveSettingsButton label="WordPress" isPending={isPending} state={state} />
    </form>
  );
}
