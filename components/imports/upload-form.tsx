"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportStreamLine } from "@/lib/import/stream-import-progress";
import { UPLOAD_MAX_BYTES, UPLOAD_MAX_LABEL } from "@/lib/import/upload-limit";

// The CLI's --utc-offset: the zone of times written without one (e.g. "23 July 2015, 00:00" on a Karachi site).
const UTC_OFFSETS = Array.from({ length: (14 + 12) * 4 + 1 }, (_, index) => (index - 12 * 4) * 15).filter((minutes) => minutes % 30 === 0 || Math.abs(minutes % 60) === 45);

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

const FORMATS = ["auto-detect", "article", "json", "jsonl", "csv", "disqus", "wxr"] as const;

type UploadState = { phase: "idle" } | { phase: "running"; seen: number; added: number } | { phase: "done"; result: Extract<ImportStreamLine, { type: "done" }> } | { phase: "error"; message: string };

async function readLines(response: Response, onLine: (line: ImportStreamLine) => void): Promise<void> {
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) return;
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as ImportStreamLine);
  }
}

export function UploadForm() {
  const router = useRouter();
  const [state, setState] = useState<UploadState>({ phase: "idle" });

  async function upload(formData: FormData) {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ phase: "error", message: "Choose a file first." });
      return;
    }
    if (file.size > UPLOAD_MAX_BYTES) {
      setState({ phase: "error", message: `This file is ${(file.size / (1024 * 1024)).toFixed(1)} MB; uploads are limited to ${UPLOAD_MAX_LABEL}. Nothing was imported. Split it, or import it with npm run moddesk -- import <file>.` });
      return;
    }
    const format = String(formData.get("format") ?? "auto-detect");
    const params = new URLSearchParams({ fileName: file.name });
    if (format !== "auto-detect") params.set("format", format);
    const utcOffset = String(formData.get("utcOffsetMinutes") ?? "0");
    if (utcOffset !== "0") params.set("utcOffsetMinutes", utcOffset);
    setState({ phase: "running", seen: 0, added: 0 });
    let finished = false;
    try {
      const response = await fetch(`/api/v1/imports?${params}`, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ phase: "error", message: body?.error?.message ?? `The upload failed (${response.status}).` });
        return;
      }
      await readLines(response, (line) => {
        finished = line.type !== "progress";
        if (line.type === "progress") setState({ phase: "running", seen: line.seen, added: line.added });
        else if (line.type === "done") setState({ phase: "done", result: line });
        else setState({ phase: "error", message: line.message });
      });
    } catch (error) {
      setState({ phase: "error", message: `The connection broke off (${error instanceof Error ? error.message : String(error)}); see Past imports below for what was stored.` });
      finished = true;
    }
    // An answer that stops without its summary must not leave the page saying "Importing…".
    if (!finished) setState({ phase: "error", message: "The import stopped without a summary; see Past imports below for what was stored." });
    router.refresh();
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <form action={upload} className="flex flex-wrap items-end gap-3">
        {/* A file input is ~380 px wide by itself: at 360 px it pushed the page sideways. */}
        <label className="max-w-full min-w-0 text-sm">
          <span className="block font-medium text-slate-700">File (up to {UPLOAD_MAX_LABEL})</span>
          <input name="file" type="file" required className="mt-1 block w-full max-w-full text-sm" data-testid="import-file" />
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Format</span>
          <select name="format" className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            {FORMATS.map((format) => (
              <option key={format}>{format}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Times without a zone are in</span>
          <select name="utcOffsetMinutes" defaultValue="0" className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm" data-testid="import-utc-offset">
            {UTC_OFFSETS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {offsetLabel(minutes)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={state.phase === "running"} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
          Import
        </button>
      </form>
      <div aria-live="polite" className="mt-3 text-sm" data-testid="import-status">
        {state.phase === "running" ? <p>Importing… {state.seen.toLocaleString()} comments read, {state.added.toLocaleString()} added so far</p> : null}
        {state.phase === "error" ? <p className="text-red-700">{state.message}</p> : null}
        {state.phase === "done" ? <ImportResult result={state.result} /> : null}
      </div>
    </div>
  );
}

function ImportResult({ result }: { result: Extract<ImportStreamLine, { type: "done" }> }) {
  return (
    <div>
      <p className="font-medium">
        Imported ({result.format}): {result.articles} article(s), {result.added} added, {result.duplicates} duplicates skipped, {result.rejected} rejected.
      </p>
      {result.rejected > 0 ? (
        <p className="mt-1">
          {result.rejected > result.problems.length ? `The first ${result.problems.length.toLocaleString()} of ${result.rejected.toLocaleString()} rejected rows are below. ` : null}
          <a className="font-medium text-blue-700 underline" href={`/api/v1/imports/${result.batchId}/problems`} data-testid="rejected-rows-download">
            Download every rejected row (CSV)
          </a>
        </p>
      ) : null}
      {result.warningCount > result.warnings.length ? (
        <p className="mt-1" data-testid="warnings-not-listed">
          The first {result.warnings.length.toLocaleString()} of {result.warningCount.toLocaleString()} warnings are below (the comments they are about were imported).
        </p>
      ) : null}
      {[...result.warnings.map((item) => ({ ...item, kind: "warning" })), ...result.problems.map((item) => ({ ...item, kind: "rejected" }))].length > 0 ? (
        <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto font-mono text-xs">
          {result.warnings.map((warning, index) => (
            <li key={`w${index}`} className="text-amber-800">
              warning{warning.line > 0 ? `: line ${warning.line}` : ""}
              {warning.field ? ` (${warning.field})` : ""}: {warning.message}
            </li>
          ))}
          {result.problems.map((problem, index) => (
            <li key={`p${index}`} className="text-red-800">
              rejected: line {problem.line}
              {problem.field ? ` (${problem.field})` : ""}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
