"use client";

import { useEffect, useState } from "react";
import { describeExportFiltersForPeople } from "@/lib/export/describe-export-filters";
import { latestExportAction } from "@/lib/export/export-actions";

type Latest = NonNullable<Extract<Awaited<ReturnType<typeof latestExportAction>>, { ok: true }>["data"]>;

const POLL_MS = 1_000;
const GIVE_UP_AFTER = 120;

/**
 * Watches the export form: after a download starts, asks the server (every second) for the export the
 * audit log recorded and says what the file holds. The download itself stays a plain GET.
 */
export function ExportConfirmation({ formId, timeZone }: { formId: string; timeZone: string }) {
  const [since, setSince] = useState<string | null>(null);
  const [latest, setLatest] = useState<Latest | null>(null);

  useEffect(() => {
    const form = document.getElementById(formId);
    const onSubmit = () => {
      setLatest(null);
      // A little slack for clocks: the audit time is the database's.
      setSince(new Date(Date.now() - 5_000).toISOString());
    };
    form?.addEventListener("submit", onSubmit);
    return () => form?.removeEventListener("submit", onSubmit);
  }, [formId]);

  useEffect(() => {
    if (!since || latest) return;
    let tries = 0;
    const timer = setInterval(() => {
      if (++tries > GIVE_UP_AFTER) return clearInterval(timer);
      void latestExportAction({ since }).then((result) => {
        if (result.ok && result.data) setLatest(result.data);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [since, latest]);

  if (!since) return null;
  return (
    <p aria-live="polite" className="rounded-md bg-slate-100 px-3 py-2 text-sm" data-testid="export-confirmation">
      {latest
        ? `${latest.completed ? "Downloaded" : "Stopped early"}: ${latest.rows.toLocaleString("en-US")} decision${latest.rows === 1 ? "" : "s"} as ${latest.format.toUpperCase()}. Filters: ${describeExportFiltersForPeople(latest.filters, timeZone)}.`
        : "Preparing the download…"}
    </p>
  );
}
