"use client";

import { useMemo, useState } from "react";
import { compileRules } from "@/lib/detect/compile-rules";
import { RuleCompileError } from "@/lib/detect/compiled-rule";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import type { FlagResult } from "@/lib/detect/types";
import { HighlightedText } from "./highlighted-text";

type BenchResult = { ok: true; flag: FlagResult | null } | { ok: false; message: string };

/**
 * Runs the draft rule in the browser as the text is typed: the engine is pure TypeScript, so the
 * bench sees exactly what the server would flag, with no round trip.
 */
export function RuleTestBench({ draft, draftError }: { draft: RuleDraft | null; draftError: string | null }) {
  const [text, setText] = useState("");
  const [articleText, setArticleText] = useState("");
  const result = useMemo<BenchResult | null>(() => {
    if (draft === null || text === "") return null;
    try {
      const set = compileRules([{ ...draft, id: "draft", version: 0, enabled: true }]);
      return { ok: true, flag: evaluateComment(set, { body: text, articleText: articleText || undefined })[0] ?? null };
    } catch (error) {
      return { ok: false, message: error instanceof RuleCompileError ? error.detail : String(error) };
    }
  }, [draft, text, articleText]);

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="bench-heading">
      <h2 id="bench-heading" className="font-semibold">Test bench</h2>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Test text</span>
        <textarea className="mt-1 block h-28 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" value={text} onChange={(event) => setText(event.target.value)} placeholder="Paste a comment to see what this rule matches" />
      </label>
      {draft?.kind === "OFF_TOPIC" ? (
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Article text</span>
          <textarea className="mt-1 block h-20 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" value={articleText} onChange={(event) => setArticleText(event.target.value)} />
        </label>
      ) : null}
      <div aria-live="polite" data-testid="bench-result">
        {draft === null && draftError ? <p className="text-sm text-red-700">Fix the rule first: {draftError}</p> : null}
        {result?.ok === false ? <p className="text-sm text-red-700">{result.message}</p> : null}
        {result?.ok && result.flag ? (
          <div className="space-y-1">
            <p className="text-sm font-medium text-amber-800" data-testid="bench-reason">Matches: {result.flag.reason} (score {result.flag.score})</p>
            <HighlightedText text={text} spans={result.flag.spans} testId="bench-highlight" />
          </div>
        ) : null}
        {result?.ok && !result.flag ? <p className="text-sm text-slate-600">No match.</p> : null}
      </div>
    </section>
  );
}
