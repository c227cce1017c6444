"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { createRuleAction, updateRuleAction } from "@/lib/rules/actions";
import { configFromFields, fieldsFromConfig, type ConfigFields } from "@/lib/rules/rule-config-fields";
import { ruleDraftSchema, type RuleDraft } from "@/lib/rules/rule-draft-schema";
import type { BenchComment } from "@/lib/rules/get-bench-comment";
import { savedRuleHref } from "@/lib/rules/rule-bench-href";
import { RULE_ACTIONS, RULE_CATEGORIES, RULE_KINDS, type RuleAction, type RuleCategory, type RuleDefinition, type RuleKind } from "@/lib/detect/types";
import { BacktestPanel } from "./backtest-panel";
import { EndpointTestBench } from "./endpoint-test-bench";
import { SecretOnce } from "./secret-once";
import { RuleConfigEditor } from "./rule-config-editor";
import { RuleTestBench } from "./rule-test-bench";

/** A rule as the form starts from: a saved one (with id and version) or a new draft. */
export type RuleFormInitial = Omit<RuleDefinition, "id" | "version" | "description"> & { id?: number; version?: number; description: string };

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-50";
const label = (value: string) => value.replace("_", "-").toLowerCase();

/** Create or edit a rule: validated as typed (zod, the same schema as the server), tried live, backtested, saved guarded by version. */
export function RuleForm({ initial, canWrite, benchComment }: { initial: RuleFormInitial; canWrite: boolean; benchComment?: BenchComment }) {
  const router = useRouter();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [category, setCategory] = useState<RuleCategory>(initial.category);
  const [kind, setKind] = useState<RuleKind>(initial.kind);
  const [fields, setFields] = useState<ConfigFields>(() => fieldsFromConfig(initial.kind, initial.config));
  const [severity, setSeverity] = useState(String(initial.severity));
  const [action, setAction] = useState<RuleAction>(initial.action);
  const [isEnabled, setIsEnabled] = useState(initial.enabled);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  // An EXTERNAL rule's signing secret, from the save that made it: shown once, before leaving the form.
  const [newSecret, setNewSecret] = useState<{ secret: string; href: string } | null>(null);
  const [isPending, startTransition] = useTransition();

  const parsed = useMemo(
    () => ruleDraftSchema.safeParse({ name, description, category, kind, config: configFromFields(kind, fields), severity: Number(severity), action, enabled: isEnabled }),
    [name, description, category, kind, fields, severity, action, isEnabled],
  );
  const draft: RuleDraft | null = parsed.success ? parsed.data : null;
  const errors = new Map<string, string>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    if (!errors.has(key)) errors.set(key, issue.message);
  }
  const configError = errors.get("config") ?? null;

  const save = () =>
    startTransition(async () => {
      if (draft === null) return;
      const result = initial.id === undefined || initial.version === undefined
        ? await createRuleAction({ draft })
        : await updateRuleAction({ id: initial.id, expectedVersion: initial.version, draft });
      if (!result.ok) {
        setServerMessage(result.fieldErrors ? `${result.message} ${Object.values(result.fieldErrors).flat().join(" ")}` : result.message);
        return;
      }
      setServerMessage(null);
      const href = savedRuleHref(result.data.id, result.data.version, benchComment?.id);
      if (result.data.secret) return setNewSecret({ secret: result.data.secret, href });
      router.push(href);
      router.refresh();
    });

  if (newSecret) return <SecretOnce secret={newSecret.secret} href={newSecret.href} />;
  const fieldError = (key: string) => (errors.has(key) && name !== "" ? <p className="mt-0.5 text-xs text-red-700">{errors.get(key)}</p> : null);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        aria-label="Rule"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <fieldset disabled={!canWrite} className="space-y-4">
          <label className="block text-sm">
            <span className="font-medium text-slate-700">Name</span>
            <input className={input} value={name} onChange={(event) => setName(event.target.value)} />
            {fieldError("name")}
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-700">Description</span>
            <input className={input} value={description} onChange={(event) => setDescription(event.target.value)} />
          </label>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Category</span>
              <select className={input} value={category} onChange={(event) => setCategory(event.target.value as RuleCategory)}>
                {RULE_CATEGORIES.map((value) => <option key={value} value={value}>{label(value)}</option>)}
              </select>
            </label>
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Kind</span>
              <select className={input} value={kind} onChange={(event) => setKind(event.target.value as RuleKind)}>
                {RULE_KINDS.map((value) => <option key={value} value={value}>{label(value)}</option>)}
              </select>
            </label>
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Severity</span>
              <input className={input} type="number" min={1} max={5} value={severity} onChange={(event) => setSeverity(event.target.value)} />
              {fieldError("severity")}
            </label>
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Action</span>
              <select className={input} value={action} onChange={(event) => setAction(event.target.value as RuleAction)}>
                {RULE_ACTIONS.map((value) => <option key={value} value={value}>{label(value)}</option>)}
              </select>
            </label>
          </div>
          <RuleConfigEditor kind={kind} fields={fields} onChange={(patch) => setFields((current) => ({ ...current, ...patch }))} isReadOnly={!canWrite} error={configError ?? undefined} />
          <label className="block text-sm">
            <input type="checkbox" checked={isEnabled} onChange={(event) => setIsEnabled(event.target.checked)} /> Enabled
          </label>
        </fieldset>
        {canWrite ? (
          <div className="flex items-center gap-3">
            <button type="submit" disabled={draft === null || isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
              {initial.id === undefined ? "Create rule" : "Save rule"}
            </button>
            {initial.version !== undefined ? <span className="text-xs text-slate-500">Saving makes version {initial.version + 1}.</span> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">Only admins change rules.</p>
        )}
        {serverMessage ? <p className="text-sm text-red-700" role="alert" data-testid="form-error">{serverMessage}</p> : null}
      </form>
      {/* Opened from a flag: the bench with the flagged comment comes first on a phone, where the columns stack. */}
      <div className={`space-y-6 ${benchComment ? "max-lg:order-first" : ""}`}>
        {kind === "EXTERNAL" ? (
          <EndpointTestBench draft={draft} draftError={parsed.success ? null : (configError ?? errors.values().next().value ?? null)} ruleId={initial.id} canWrite={canWrite} />
        ) : (
          <RuleTestBench draft={draft} draftError={parsed.success ? null : (configError ?? errors.values().next().value ?? null)} benchComment={benchComment} />
        )}
        {canWrite ? <BacktestPanel draft={draft} ruleId={initial.id} /> : null}
      </div>
    </div>
  );
}
