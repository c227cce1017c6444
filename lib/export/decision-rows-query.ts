import type { ExportFilters } from "./schemas";

// The one SQL of a decisions export: one row per decision, in EXPORT_COLUMNS order, already
// formatted by Postgres (timestamps as ISO text, enums as text, flags aggregated), so that Node
// only has to join strings. Oldest decision first, on the (createdAt, id) index.
//
// Timestamps are `timestamp without time zone` holding UTC (as Prisma writes them), so to_char
// formats them as they are; `AT TIME ZONE 'UTC'` here would turn them into timestamptz and make the
// text depend on the session's TimeZone. Filter bounds go the other way: an instant
// (timestamptz) AT TIME ZONE 'UTC' is the UTC wall time the columns hold.

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const SELECT = `SELECT
  d.id AS decision_id,
  c.id AS comment_id,
  c."externalId" AS comment_external_id,
  c.source AS comment_source,
  a.id AS article_id,
  a.title AS article_title,
  c."authorName" AS author,
  c.body AS comment_text,
  to_char(c."postedAt", ${ISO}) AS posted_at,
  d.action::text AS action,
  d."fromStatus"::text AS from_status,
  d."toStatus"::text AS status,
  d.reason::text AS reason,
  d.note AS note,
  CASE WHEN d."moderatorId" IS NULL THEN 'system' ELSE u.email END AS moderator,
  to_char(d."createdAt", ${ISO}) AS decided_at,
  f.categories AS flag_categories,
  f.rules AS flag_rules
FROM decision d
JOIN comment c ON c.id = d."commentId"
JOIN article a ON a.id = c."articleId"
LEFT JOIN "user" u ON u.id = d."moderatorId"
LEFT JOIN LATERAL (
  SELECT string_agg(DISTINCT fl.category::text, ';' ORDER BY fl.category::text) AS categories,
         string_agg(DISTINCT r.name, ';' ORDER BY r.name) AS rules
  FROM flag fl JOIN rule r ON r.id = fl."ruleId"
  WHERE fl."commentId" = c.id
) f ON true`;

export interface SqlQuery {
  text: string;
  values: (string | number)[];
}

export function decisionRowsQuery(filters: ExportFilters): SqlQuery {
  const where: string[] = [];
  const values: (string | number)[] = [];
  const param = (value: string | number) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filters.since) where.push(`d."createdAt" >= (${param(filters.since.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.until) where.push(`d."createdAt" < (${param(filters.until.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.article !== undefined) where.push(`c."articleId" = ${param(filters.article)}`);
  if (filters.moderator === "system") where.push(`d."moderatorId" IS NULL`);
  // A subquery, not u.email = $n: the decision index on moderatorId stays usable.
  else if (filters.moderator !== undefined) where.push(`d."moderatorId" = (SELECT id FROM "user" WHERE lower(email) = lower(${param(filters.moderator)}))`);
  const text = `${SELECT}${where.length > 0 ? `\nWHERE ${where.join("\n  AND ")}` : ""}\nORDER BY d."createdAt", d.id`;
  return { text, values };
}
