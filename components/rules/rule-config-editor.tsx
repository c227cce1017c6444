"use client";

import type { ConfigFields } from "@/lib/rules/rule-config-fields";
import type { RuleKind } from "@/lib/detect/types";
import { ExternalConfigFields } from "./external-config-fields";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-50";

interface EditorProps {
  kind: RuleKind;
  fields: ConfigFields;
  onChange: (patch: Partial<ConfigFields>) => void;
  isReadOnly: boolean;
  error?: string;
}

function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="block text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      {children}
      {hint ? <span className="mt-0.5 block text-xs text-slate-500">{hint}</span> : null}
    </label>
  );
}

/** The kind-specific part of the rule form; the config's validation message shows under it. */
export function RuleConfigEditor({ kind, fields, onChange, isReadOnly, error }: EditorProps) {
  const text = (key: keyof ConfigFields, label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <input className={input} value={String(fields[key])} disabled={isReadOnly} inputMode="decimal" onChange={(event) => onChange({ [key]: event.target.value })} />
    </Field>
  );
  const list = (key: "terms" | "a" | "b" | "requires", label: string) => (
    <Field label={label} hint="One term per line. Matching ignores case, accents, leet and spacing tricks; end a term with * to match word beginnings.">
      <textarea className={`${input} h-32 font-mono`} value={fields[key]} disabled={isReadOnly} onChange={(event) => onChange({ [key]: event.target.value })} />
    </Field>
  );
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="config-editor">
      <legend className="px-1 text-sm font-semibold text-slate-700">Configuration</legend>
      {kind === "TERMS" ? list("terms", "Terms") : null}
      {kind === "NEAR" ? (
        <div className="grid gap-3 md:grid-cols-2">
          {list("a", "First terms")}
          {list("b", "Second terms")}
          {text("within", "Within (words)", "A term of each list at most this many words apart (1-50).")}
        </div>
      ) : null}
      {kind === "REGEX" ? (
        <div className="space-y-2">
          <Field label="Pattern" hint="RE2 syntax: linear time on any comment, so lookaround and backreferences are refused.">
            <input className={`${input} font-mono`} value={fields.pattern} disabled={isReadOnly} onChange={(event) => onChange({ pattern: event.target.value })} />
          </Field>
          <label className="mr-4 text-sm">
            <input type="checkbox" checked={fields.caseInsensitive} disabled={isReadOnly} onChange={(event) => onChange({ caseInsensitive: event.target.checked })} /> ignore case
          </label>
          <label className="text-sm">
            Match against{" "}
            <select value={fields.target} disabled={isReadOnly} onChange={(event) => onChange({ target: event.target.value as ConfigFields["target"] })} className="rounded border border-slate-300 px-1 text-sm">
              <option value="normalized">normalized text (evasions undone)</option>
              <option value="original">original text</option>
            </select>
          </label>
          <Field label="Unless the words before it match (optional)" hint="RE2 pattern tried on the same sentence just before each match: negation and quotes ('not all …').">
            <input className={`${input} font-mono`} value={fields.unlessBefore} disabled={isReadOnly} onChange={(event) => onChange({ unlessBefore: event.target.value })} />
          </Field>
          <Field label="Unless the words after it match (optional)" hint="RE2 pattern tried on the same sentence just after each match, '^' right after it: what befalls a group ('… being blamed').">
            <input className={`${input} font-mono`} value={fields.unlessAfter} disabled={isReadOnly} onChange={(event) => onChange({ unlessAfter: event.target.value })} />
          </Field>
          {list("requires", "Only run when one of these terms occurs (optional)")}
        </div>
      ) : null}
      {kind === "OFF_TOPIC" ? (
        <div className="grid gap-3 md:grid-cols-2">
          {text("minWords", "Minimum content words")}
          {text("maxSimilarity", "Maximum share of words shared with the article or parent (0-1)")}
          {text("minArticleWords", "Minimum distinct content words in the article", "Against a bare title the overlap says nothing: such comments are not judged.")}
        </div>
      ) : null}
      {kind === "SHOUTING" ? (
        <div className="grid gap-3 md:grid-cols-2">
          {text("minLetters", "Minimum letters")}
          {text("minUpperRatio", "Minimum share of capitals (0-1)")}
        </div>
      ) : null}
      {kind === "LINKS" ? text("maxLinks", "Links allowed", "More links or bare domains than this flag the comment.") : null}
      {kind === "REPETITION" ? (
        <div className="grid gap-3 md:grid-cols-2">
          {text("minRepeats", "Repeats of a word or phrase in a row (at least 2)")}
          {text("minCharRun", "Run of one character (optional, at least 3)")}
        </div>
      ) : null}
      {kind === "CLASSIFIER" ? (
        <div className="space-y-2">
          {text("threshold", "Threshold (0-1)", "Flags when the model's probability is at least this. Lower catches more and flags more clean comments.")}
          <label className="text-sm">
            Score with the model&apos;s{" "}
            <select value={fields.head} disabled={isReadOnly} onChange={(event) => onChange({ head: event.target.value as ConfigFields["head"] })} className="rounded border border-slate-300 px-1 text-sm">
              <option value="">head for this rule&apos;s category</option>
              <option value="NATIONALIST">nationalist head</option>
              <option value="ABUSIVE">abusive head</option>
            </select>
          </label>
          {list("requires", "Only score comments where one of these terms occurs (optional)")}
        </div>
      ) : null}
      {kind === "EXTERNAL" ? <ExternalConfigFields fields={fields} onChange={onChange} isReadOnly={isReadOnly} /> : null}
      {error ? <p className="text-sm text-red-700" role="alert" data-testid="config-error">{error}</p> : null}
    </fieldset>
  );
}
