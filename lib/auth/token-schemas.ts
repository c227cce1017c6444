import { z } from "zod";
import { rowIdSchema } from "@/lib/validation/bounds";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it, e.g. 'CMS ingest'.").max(80),
});

export const revokeApiTokenSchema = z.object({ id: rowIdSchema });
