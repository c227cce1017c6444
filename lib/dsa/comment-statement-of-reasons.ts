import "server-only";
import { AppError } from "@/lib/errors";
import { commenterNotice } from "./commenter-notice";
import { getDsaSettings, latestHideOfComment } from "./queries";
import { transparencyStatementOf } from "./statement-of-reasons";
import type { TransparencyStatement } from "./transparency-statement-schema";

export interface CommentStatementOfReasons {
  commentId: number;
  decisionId: number;
  statement: TransparencyStatement;
  notice: string;
}

export async function statementOfReasonsForComment(commentId: number): Promise<CommentStatementOfReasons | null> {
  const [facts, settings] = await Promise.all([latestHideOfComment(commentId), getDsaSettings()]);
  if (!facts) return null;
  return { commentId, decisionId: facts.decisionId, statement: transparencyStatementOf(facts, settings), notice: commenterNotice(facts, settings) };
}

/** The route's answer: JSON, or the notice as plain text. */
export async function commentStatementOfReasons(commentId: number, format: "json" | "text"): Promise<CommentStatementOfReasons | Response> {
  const found = await statementOfReasonsForComment(commentId);
  if (!found) throw new AppError("NOT_FOUND", "This comment is not hidden, so it has no statement of reasons.");
  if (format === "json") return found;
  return new Response(found.notice, { headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
}
