import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";

// What the Exports page offers in its filters: recent articles and every account's email.

const articleChoiceSelect = { id: true, title: true } satisfies Prisma.ArticleSelect;
const moderatorChoiceSelect = { email: true } satisfies Prisma.UserSelect;

export type ArticleChoice = Prisma.ArticleGetPayload<{ select: typeof articleChoiceSelect }>;

export async function listExportChoices(): Promise<{ articles: ArticleChoice[]; moderatorEmails: string[] }> {
  const [articles, users] = await Promise.all([
    db.article.findMany({ select: articleChoiceSelect, orderBy: { id: "desc" }, take: 200 }),
    db.user.findMany({ select: moderatorChoiceSelect, orderBy: { email: "asc" } }),
  ]);
  return { articles, moderatorEmails: users.map((user) => user.email) };
}
