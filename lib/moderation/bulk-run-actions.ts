"use server";

import { defineAction } from "@/lib/action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueBulkRun } from "@/lib/jobs/bulk-run-job";
import { countMatching, createBulkRun } from "./bulk-run-create";
import { bulkRunStatusSchema, countMatchingSchema, parseQueueView, startBulkRunSchema } from "./bulk-run-schemas";
import { failBulkRun, getBulkRun } from "./bulk-run-slice";
import { createBulkRunUndo } from "./bulk-run-undo";

/** Queues a recorded run for the job worker; a run the worker cannot take is marked failed, not left pending. */
async function handToWorker<Run extends { id: number }>(run: Run, unavailable: string): Promise<Run> {
  try {
    await enqueueBulkRun(run.id);
  } catch (error) {
    await failBulkRun(db, run.id, error);
    throw new AppError("UNAVAILABLE", unavailable);
  }
  return run;
}

export const countMatchingAction = defineAction({
  name: "moderation.countMatching",
  input: countMatchingSchema,
  permission: "comment:decide",
  run: async (input) => ({ count: await countMatching(db, parseQueueView(input)) }),
});

export const startBulkRunAction = defineAction({
  name: "moderation.startBulkRun",
  input: startBulkRunSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    if (!user) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
    const run = await createBulkRun(db, { ...parseQueueView(input), action: input.action, reason: input.reason }, { id: user.id, label: user.email });
    return handToWorker(run, "The background worker could not take the job; nothing was decided. Try again.");
  },
});

export const undoBulkRunAction = defineAction({
  name: "moderation.undoBulkRun",
  input: bulkRunStatusSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    if (!user) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
    const undo = await createBulkRunUndo(db, input.runId, { id: user.id, label: user.email });
    return handToWorker(undo, "The background worker could not take the undo; nothing was put back. Try again.");
  },
});

export const bulkRunStatusAction = defineAction({
  name: "moderation.bulkRunStatus",
  input: bulkRunStatusSchema,
  permission: "comment:decide",
  run: async (input, { user }) => {
    const run = user ? await getBulkRun(db, input.runId, user.id) : null;
    if (!run) throw new AppError("NOT_FOUND", "No such bulk run.");
    return run;
  },
});
