import { z } from "zod";

export const COMMENT_STATUSES = ["PENDING", "APPROVED", "HIDDEN"] as const;

export const listCommentsQuerySchema = z.object({
  status: z.enum(COMMENT_STATUSES).optional(),
  articleId: z.coerce.number().int().positive().optional(),
  after: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuerySchema>;
