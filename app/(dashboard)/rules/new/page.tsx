import type { Metadata } from "next";
import { RuleForm } from "@/components/rules/rule-form";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New rule" };

export default async function NewRulePage() {
  await requirePagePermission("rules:write", "/rules/new");
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">New rule</h1>
      <RuleForm canWrite initial={{ name: "", description: "", category: "ABUSIVE", kind: "TERMS", config: { terms: [] }, severity: 3, action: "FLAG", enabled: true }} />
    </main>
  );
}
