"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { db } from "@/lib/db/client";

/**
 * The newest export this user started after `since`, as the audit log recorded it: the Exports page
 * confirms what actually went into the file (rows and filters), not only that a download began.
 */
export const latestExportAction = defineAction({
  name: "exports.latest",
  input: z.object({ since: z.iso.datetime() }),
  permission: "exports:run",
  run: async (input, { user }) => {
    const event = await db.auditEvent.findFirst({
      where: { action: "export.decisions", actorId: user?.id ?? "", createdAt: { gte: new Date(input.since) } },
      orderBy: { id: "desc" },
      select: { details: true, createdAt: true },
    });
    if (!event) return null;
    const details = (event.details ?? {}) as { rows?: number; format?: string; completed?: boolean; filters?: unknown };
    return { rows: details.rows ?? 0, format: details.format ?? "csv", completed: details.completed !== false, filters: details.filters ?? {}, at: event.createdAt.toISOString() };
  },
});
