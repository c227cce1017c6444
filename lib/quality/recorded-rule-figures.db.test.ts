import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { installDefaultRulePack } from "@/lib/rules/install-default-pack";
import { listRules } from "@/lib/rules/queries";
import { updateRule } from "@/lib/rules/update-rule";
import { draft } from "@/lib/rules/test-db-factories";
import { evaluateLabelled } from "@/lib/detect/quality/evaluate-labelled";
import { recordedCorpusStatus } from "./recorded-rule-figures";
import { defaultPackDefinitions } from "./rule-sources";
import { loadStoredRuleDefinitions } from "./stored-rules";

describe("recorded corpus figures of stored rules", () => {
  it("match the installed default pack after its configs went through jsonb, and go stale when a rule is edited", async () => {
    await installDefaultRulePack(SYSTEM_ACTOR);
    const installed = await listRules();
    // quality:check records the pack it runs: the enabled rules (a rule shipped disabled, such as
    // model-abusive-at-group, is measured by pack-cv when a desk weighs enabling it; docs/model.md).
    const states = Object.fromEntries(installed.filter((rule) => rule.enabled).map((rule) => [rule.name, recordedCorpusStatus(rule).state]));
    expect(Object.keys(states).length).toBeGreaterThan(10);
    expect(Object.values(states).filter((state) => state !== "measured"), JSON.stringify(states)).toEqual([]);

    // moddesk evaluate without --pack runs the stored rules: the same figures as the built-in pack.
    const stored = await loadStoredRuleDefinitions();
    expect(stored.map((rule) => rule.name).sort()).toEqual(defaultPackDefinitions().filter((rule) => rule.enabled).map((rule) => rule.name).sort());
    const sample = [
      { id: "a", text: "You are an idiot.", labels: ["abusive" as const], borderline: false, lang: "latin", thread: "t" },
      { id: "b", text: "A fine spell of swing bowling.", labels: [], borderline: false, lang: "latin", thread: "t" },
    ];
    expect(evaluateLabelled(stored, sample, "both").all).toEqual(evaluateLabelled(defaultPackDefinitions(), sample, "both").all);

    const target = installed.find((rule) => rule.kind === "OFF_TOPIC")!;
    await updateRule(target.id, target.version, draft({ name: target.name, category: target.category, kind: "OFF_TOPIC", config: { minWords: 25, maxSimilarity: 0.05 }, severity: target.severity, action: target.action }), SYSTEM_ACTOR);
    const edited = (await listRules()).find((rule) => rule.id === target.id)!;
    expect(recordedCorpusStatus(edited).state).toBe("edited");
    expect(recordedCorpusStatus({ ...edited, name: "a-rule-nobody-measured" }).state).toBe("not-measured");
  });
});
