// Shared by the import pipeline's database tests: fixture imports and reads of what was stored.
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { importFile } from "@/lib/import/import-file";
import { parseImport } from "@/lib/import/parse-import";
import type { ImportFormat, ParsedComment } from "@/lib/import/types";

export const FIXTURES = fileURLToPath(new URL("../fixtures/import/", import.meta.url));
export const TEST_ACTOR = { ...SYSTEM_ACTOR, label: "test" };

export function importFixture(name: string, options: { format?: ImportFormat; utcOffsetMinutes?: number } = {}) {
  return importFile({ filePath: `${FIXTURES}${name}`, via: "cli", actor: TEST_ACTOR, ...options });
}

/** What the parser makes of a fixture: the expected side of "the database holds exactly this". */
export async function parsedComments(name: string, format: ImportFormat, utcOffsetMinutes?: number): Promise<ParsedComment[]> {
  const comments: ParsedComment[] = [];
  for await (const event of parseImport(format, createReadStream(`${FIXTURES}${name}`), { fileName: name, utcOffsetMinutes })) {
    if (event.type === "comment") comments.push(event.comment);
  }
  return comments;
}

export function storedComments(where: { importBatchId?: number; source?: string } = {}) {
  return db.comment.findMany({
    where,
    orderBy: { id: "asc" },
    select: { id: true, dedupeKey: true, body: true, authorName: true, status: true, parentId: true, parentDedupeKey: true, postedAt: true, priority: true, isHeld: true, articleId: true, importBatchId: true, version: true },
  });
}

/** Empties the content tables (the audit log is append-only and stays). */
export async function resetContent(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`TRUNCATE flag, decision, comment_note, comment, article, import_batch RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

export function parentOf<T extends { id: number; parentId: number | null }>(rows: T[], row: T | undefined): T | undefined {
  return rows.find((candidate) => candidate.id === row?.parentId);
}
