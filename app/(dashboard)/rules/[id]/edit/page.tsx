import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecheckNotice } from "@/components/rules/recheck-notice";
import { RuleForm } from "@/components/rules/rule-form";
import { RotateExternalSecret } from "@/components/rules/rotate-external-secret";
import { RuleStatusActions } from "@/components/rules/rule-status-actions";
import { can } from "@/lib/auth/policy";
import { externalSecretStatus } from "@/lib/external-classifier/external-rules";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { getRuleForEdit, listRecentReruns, listRuleVersions, ruleConfigAsShown } from "@/lib/rules/queries";
import { isRerunActive } from "@/lib/rules/rerun-label";
import { RULE_KINDS, type RuleKind } from "@/lib/detect/types";
import { rowIdFrom } from "@/lib/validation/bounds";
import { getBenchComment } from "@/lib/rules/get-bench-comment";

export const metadata: Metadata = { title: "Rule" };

const isEngineKind = (kind: string): kind is RuleKind => (RULE_KINDS as readonly string[]).includes(kind);

export default async function EditRulePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; comment?: string }> }) {
  const { id: rawId } = await params;
  const user = await requirePagePermission("rules:read", `/rules/${encodeURIComponent(rawId)}/edit`);
  const timeZone = await getDisplayTimeZone();
  const id = rowIdFrom(rawId);
  if (id === null) notFound();
  const { saved, comment } = await searchParams;
  // From a flag on a card (ruleBenchHref): the comment goes on the test bench, for whoever may read the queue.
  const benchCommentId = comment === undefined || !can(user.role, "queue:read") ? null : rowIdFrom(comment);
  const [rule, versions, reruns, signing, benchComment] = await Promise.all([
    getRuleForEdit(id),
    listRuleVersions(id),
    listRecentReruns(1),
    externalSecretStatus(id),
    benchCommentId === null ? null : getBenchComment(benchCommentId),
  ]);
  if (!rule) notFound();
  const canWrite = can(user.role, "rules:write") && isEngineKind(rule.kind);
  // The pass this rule's last change started (or a later one, or a queued one that covers it).
  const recheck = reruns.find((rerun) => rerun.createdAt >= rule.updatedAt || isRerunActive(rerun));
  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{rule.name}</h1>
          <p className="text-sm text-slate-600">
            Version {rule.version} · {rule.enabled ? "enabled" : "disabled"} · updated {formatDateTime(rule.updatedAt, timeZone)}
          </p>
          {/* Only while it is still true: after a later change (a disable, a colleague's edit) the banner would mislead. */}
          {saved && Number(saved) === rule.version ? <p className="text-sm text-green-800" role="status" data-testid="rule-saved">Saved as version {saved}.</p> : null}
          {recheck ? <RecheckNotice rerun={recheck} /> : null}
        </div>
        {canWrite ? <RuleStatusActions id={rule.id} version={rule.version} isEnabled={rule.enabled} /> : null}
      </div>
      {isEngineKind(rule.kind) ? (
        <RuleForm
          key={rule.version}
          canWrite={canWrite}
          benchComment={benchComment ?? undefined}
          initial={{ id: rule.id, version: rule.version, name: rule.name, description: rule.description ?? "", category: rule.category, kind: rule.kind, config: ruleConfigAsShown(rule, canWrite), severity: rule.severity, action: rule.action, enabled: rule.enabled }}
        />
      ) : (
        <p className="text-sm text-slate-600">This {rule.kind.toLowerCase()} rule is managed elsewhere in Moddesk.</p>
      )}
      {rule.kind === "EXTERNAL" && canWrite && signing ? (
        <RotateExternalSecret
          ruleId={rule.id}
          status={
            signing.rotatedAt
              ? `Last rotated ${formatDateTime(signing.rotatedAt, timeZone)}${signing.previousSecretUntil && signing.previousSecretUntil > new Date() ? `; the previous secret also signs until ${formatDateTime(signing.previousSecretUntil, timeZone)}` : ""}.`
              : `In use since ${formatDateTime(signing.createdAt, timeZone)}; never rotated.`
          }
        />
      ) : null}
      <section aria-labelledby="versions-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="versions-heading" className="font-semibold">History</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {versions.map((version) => (
            <li key={version.version}>
              v{version.version} · {formatDateTime(version.createdAt, timeZone)} · {version.changedBy?.email ?? "system"}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
