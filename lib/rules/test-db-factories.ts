import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { createRule } from "./create-rule";
import { ruleDraftSchema, type RuleDraftInput } from "./rule-draft-schema";

// Small factories for the rules' database tests: unique keys, nothing shared between files.

export const uid = () => randomBytes(5).toString("hex");

export async function seedArticle(title = "Pakistan building digital espionage capacity") {
  return db.article.create({ data: { key: `test:${uid()}`, title, body: "The agency will monitor internet traffic." }, select: { id: true } });
}

export async function seedComment(articleId: number, body: string, status: "PENDING" | "APPROVED" | "HIDDEN" = "PENDING") {
  return db.comment.create({
    data: { articleId, body, status, source: "test", dedupeKey: `test:id:${uid()}`, contentHash: uid(), postedAt: new Date("2015-07-23T10:00:00Z"), authorName: "reader" },
    select: { id: true },
  });
}

export async function seedUser(role: "admin" | "moderator" = "admin") {
  const id = uid();
  return db.user.create({ data: { id, email: `${role}-${id}@test.local`, name: role, role }, select: { id: true, email: true } });
}

export function draft(overrides: Partial<RuleDraftInput> = {}) {
  return ruleDraftSchema.parse({ name: `test-${uid()}`, category: "ABUSIVE", kind: "TERMS", config: { terms: ["zorblax"] }, severity: 3, action: "FLAG", ...overrides });
}

export async function seedRule(overrides: Partial<RuleDraftInput> = {}) {
  return createRule(draft(overrides), { id: null, label: "test" });
}
