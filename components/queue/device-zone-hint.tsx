"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { setOwnTimeZoneAction } from "@/lib/settings/actions";
import { deviceZoneOffer } from "@/lib/settings/device-zone-offer";

const DECLINED_KEY = "moddesk.time-zone.declined";
const subscribeToNothing = () => () => {};
const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
const declinedZone = () => window.localStorage.getItem(DECLINED_KEY);

/**
 * "Times here are in UTC; this device is in Asia/Karachi": an editor whose cards say 06:39 UTC reads
 * every time wrong until they find Your account. One tap takes the device's zone for this account,
 * the other keeps the shown one (remembered on this device).
 */
export function DeviceZoneHint({ shownZone }: { shownZone: string }) {
  const router = useRouter();
  const device = useSyncExternalStore(subscribeToNothing, deviceZone, () => null);
  const declined = useSyncExternalStore(subscribeToNothing, declinedZone, () => null);
  const [outcome, setOutcome] = useState<"kept" | "saving" | { error: string } | null>(null);
  const offered = deviceZoneOffer(device, shownZone, declined);
  if (!offered || outcome === "kept") return null;
  const use = async () => {
    setOutcome("saving");
    const result = await setOwnTimeZoneAction({ timeZone: offered }).catch(() => null);
    if (!result?.ok) return setOutcome({ error: result ? result.message : "Moddesk could not be reached: nothing was changed. Try again." });
    router.refresh();
  };
  const keep = () => {
    window.localStorage.setItem(DECLINED_KEY, offered);
    setOutcome("kept");
  };
  const button = "min-h-11 rounded-md border border-slate-300 bg-white px-3 font-medium hover:bg-slate-100 md:min-h-8";
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950" data-testid="device-zone-hint">
      <p>
        Times here are in {shownZone}; this device is in {offered}.
      </p>
      <button type="button" onClick={() => void use()} disabled={outcome === "saving"} className={button}>
        Use {offered}
      </button>
      <button type="button" onClick={keep} className={`${button} border-transparent bg-transparent underline`}>
        Keep {shownZone}
      </button>
      {outcome && typeof outcome === "object" ? <p className="w-full text-red-700">{outcome.error}</p> : null}
    </div>
  );
}
