import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addFlagFigures, FLAG_FIGURES, type FlagFigureRow, type SqlReader } from "./compute-day-summaries";
import type { FlagFigures } from "./live-flag-deltas";
import { flagChangesSql, foldedFlagDays, type FlagChangeRow } from "./live-flag-days";

// The rollup job's fold of the live days' flag figures (fold-live-days.ts runs it in its transaction,
// after the zone read and the advisory lock): builds the row of a held day that has none from
// insights_live_flag in the same statement that deletes that day's deltas (one snapshot: what it
// deletes, the rows it read already show; an uncommitted change keeps its delta for the next fold),
// then applies the deltas of the days that have a row, deleted in the statement that reads them and
// the changed comments' rows. A day whose deltas do not fit its row loses it: built again next time.

type Executor = SqlReader & Pick<Prisma.TransactionClient, "$executeRaw">;

export async function foldLiveFlagDays(tx: Executor, toBuild: string[]): Promise<{ built: number; folded: number }> {
  const days = new Map<string, FlagFigures>(toBuild.map((day) => [day, { rules: {}, categories: {} }]));
  if (toBuild.length > 0) {
    const rows = await tx.$queryRaw<FlagFigureRow[]>`
      WITH gone AS (DELETE FROM insights_live_flag_delta WHERE day = ANY(${toBuild}::date[])),
      flagged AS MATERIALIZED (
        SELECT l.day, l."ruleId", l.category, l."commentId" AS id, l.status, l."byPerson"
        FROM insights_live_flag l WHERE l.day = ANY(${toBuild}::date[]) AND l.counted
      )
      ${FLAG_FIGURES}`;
    addFlagFigures(rows, (day) => days.get(day)!);
  }
  const changes = await tx.$queryRaw<FlagChangeRow[]>`
    WITH gone AS (
      DELETE FROM insights_live_flag_delta WHERE day IN (SELECT f.day FROM insights_live_flag_day f)
      RETURNING day, "commentId", "ruleId", category, status, "byPerson", sign
    ),
    folded AS MATERIALIZED (SELECT f.day, f.rules, f.categories FROM insights_live_flag_day f WHERE f.day IN (SELECT g.day FROM gone g)),
    ${flagChangesSql(Prisma.raw("folded"), Prisma.raw("gone"))}`;
  for (const [day, figures] of foldedFlagDays(changes)) {
    if (figures) days.set(day, figures);
    else await tx.$executeRaw`DELETE FROM insights_live_flag_day WHERE day = ${day}::date`;
  }
  for (const [day, { rules, categories }] of days) {
    await tx.$executeRaw`
      INSERT INTO insights_live_flag_day (day, rules, categories, "foldedAt") VALUES (${day}::date, ${JSON.stringify(rules)}::jsonb, ${JSON.stringify(categories)}::jsonb, now())
      ON CONFLICT (day) DO UPDATE SET rules = EXCLUDED.rules, categories = EXCLUDED.categories, "foldedAt" = EXCLUDED."foldedAt"`;
  }
  return { built: toBuild.length, folded: changes.filter((row) => row.kind === "delta").length };
}
