"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { testRuleDraftAction } from "@/lib/rules/actions";
import { compileRuleSet } from "@/lib/detect/compile-rule-set";
import { RuleCompileError } from "@/lib/detect/compiled-rule";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import type { FlagResult } from "@/lib/detect/types";
import Link from "next/link";
import type { BenchComment } from "@/lib/rules/get-bench-comment";
import { HighlightedText } from "./highlighted-text";

type BenchResult = { ok: true; flag: FlagResult | null } | { ok: false; message: string };

/**
 * Runs the draft rule in the browser as the text is typed: the engine is pure TypeScript, so the
 * bench sees exactly what the server would flag, with no round trip.
 */
export function RuleTestBench({ draft, draftError, benchComment }: { draft: RuleDraft | null; draftError: string | null; benchComment?: BenchComment }) {
  const [text, setText] = useState(benchComment?.body ?? "");
  const [articleText, setArticleText] = useState(benchComment?.articleText ?? "");
  const [serverResult, setServerResult] = useState<{ text: string; result: BenchResult } | null>(null);
  const [isScoring, startScoring] = useTransition();
  const isModelRule = draft?.kind === "CLASSIFIER";
  const localResult = useMemo<BenchResult | null>(() => {
    if (draft === null || text === "" || draft.kind === "CLASSIFIER") return null;
    try {
      const set = compileRuleSet([{ ...draft, id: "draft", version: 0, enabled: true }], () => null);
      return { ok: true, flag: evaluateComment(set, { body: text, articleText: articleText || undefined })[0] ?? null };
    } catch (error) {
      return { ok: false, message: error instanceof RuleCompileError ? error.detail : String(error) };
    }
  }, [draft, text, articleText]);
  // The model's weights stay on the server: a CLASSIFIER draft is scored there, on request.
  const result = isModelRule ? (serverResult?.text === text ? serverResult.result : null) : localResult;
  const scoreOnServer = () => {
    if (draft === null || text === "") return;
    startScoring(async () => {
      const response = await testRuleDraftAction({ draft, text });
      setServerResult({ text, result: response.ok ? { ok: true, flag: response.data } : { ok: false, message: response.message } });
    });
  };

  // Opened from a model rule's flag: score the flagged comment at once, as the other kinds match it as it loads.
  const hasScoredBenchComment = useRef(false);
  useEffect(() => {
    if (!benchComment || !isModelRule || hasScoredBenchComment.current) return;
    hasScoredBenchComment.current = true;
    scoreOnServer();
  });

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="bench-heading">
      <h2 id="bench-heading" className="font-semibold">Test bench</h2>
      {benchComment ? (
        <p className="text-sm text-slate-600" data-testid="bench-comment">
          The text of{" "}
          <Link href={`/comments/${benchComment.id}`} className="text-sky-700 underline max-md:inline-block max-md:py-3">
            comment #{benchComment.id}
          </Link>
          {benchComment.authorName ? ` by ${benchComment.authorName}` : ""}: what this rule matches in it, and whether it still does as you edit the rule.
        </p>
      ) : null}
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Test text</span>
        <textarea className="mt-1 block h-28 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" value={text} onChange={(event) => setText(event.target.value)} placeholder="Paste a comment to see what this rule matches" />
      </label>
      {isModelRule ? (
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1 text-sm" disabled={isScoring || text === "" || draft === null} onClick={scoreOnServer} data-testid="bench-score-model">
          {isScoring ? "Scoring…" : "Score with the model"}
        </button>
      ) : null}
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
