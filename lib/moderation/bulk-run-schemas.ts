import { z } from "zod";
import { HIDE_REASONS, QUEUE_TABS, queueQuerySchema, type QueueFilters, type QueueTab } from "./schemas";

/** The queue as the moderator sees it: its tab and the filters' query string, parsed as the page parses them. */
const queueView = {
  tab: z.enum(QUEUE_TABS),
  filterQuery: z.string().max(2000),
};

export function parseQueueView(view: { tab: QueueTab; filterQuery: string }): { tab: QueueTab; filters: QueueFilters } {
  const { tab, after: _after, ...filters } = queueQuerySchema.parse({ ...Object.fromEntries(new URLSearchParams(view.filterQuery)), tab: view.tab });
  return { tab, filters };
}

export const countMatchingSchema = z.object(queueView);
export const startBulkRunSchema = z
  .object({ ...queueView, action: z.enum(["APPROVE", "HIDE"]), reason: z.enum(HIDE_REASONS).optional() })
  .refine((input) => input.action === "APPROVE" || input.reason !== undefined, { message: "Pick a reason to hide.", path: ["reason"] });
export const bulkRunStatusSchema = z.object({ runId: z.coerce.number().int().positive().max(2_147_483_647) });
