"use client";

import { useEffect, useRef } from "react";
import { SHORTCUTS } from "@/lib/moderation/queue-keyboard";

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/40">
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl">
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {SHORTCUTS.map(([keys, meaning]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd className="text-slate-700">{meaning}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" onClick={onClose} className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
          Close (Esc)
        </button>
      </div>
    </div>
  );
}
