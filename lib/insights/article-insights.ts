import "server-only";
import { db } from "@/lib/db/client";
import type { DateRange } from "./date-range";
import { postedIn } from "./range-sql";

export interface ArticleFigures {
  articleId: number;
  title: string;
  comments: number;
  flagged: number;
  hidden: number;
  shareFlagged: number;
  shareHidden: number;
}

export interface ArticleInsights {
  /** Articles with comments posted in the range. */
  articles: number;
  /** The ones attracting the most hidden comments (then the most comments), at most `limit`. */
  top: ArticleFigures[];
}

export const DEFAULT_ARTICLE_LIMIT = 15;

/** Aggregates per article id first and joins titles only for the rows shown. */
export async function getArticleInsights(range: DateRange, limit = DEFAULT_ARTICLE_LIMIT): Promise<ArticleInsights> {
  const rows = await db.$queryRaw<(ArticleFigures & { articles: number })[]>`
    WITH per_article AS (
      SELECT c."articleId",
             count(*)::int AS comments,
             count(*) FILTER (WHERE c.priority > c."reportPriority" OR c."isHeld")::int AS flagged,
             count(*) FILTER (WHERE c.status = 'HIDDEN')::int AS hidden
      FROM comment c
      WHERE ${postedIn(range)}
      GROUP BY c."articleId"
    ), ranked AS (
      SELECT p.*, count(*) OVER ()::int AS articles
      FROM per_article p
      ORDER BY p.hidden DESC, p.comments DESC, p."articleId"
      LIMIT ${limit}
    )
    SELECT r."articleId", a.title, r.comments, r.flagged, r.hidden, r.articles,
           r.flagged::float8 / r.comments AS "shareFlagged", r.hidden::float8 / r.comments AS "shareHidden"
    FROM ranked r JOIN article a ON a.id = r."articleId"
    ORDER BY r.hidden DESC, r.comments DESC, r."articleId"`;
  return { articles: rows[0]?.articles ?? 0, top: rows.map(({ articles: _articles, ...row }) => row) };
}
