import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it, e.g. 'CMS ingest'.").max(80),
});

export const revokeApiTokenSchema = z.object({ id: z.coerce.number().int().positive() });
