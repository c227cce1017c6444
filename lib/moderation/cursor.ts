import { z } from "zod";

// Keyset cursors travel in URLs: base64url JSON, validated on the way back in.

export function encodeCursor(values: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

export function decodeCursor<Schema extends z.ZodType>(cursor: string | undefined, schema: Schema): z.infer<Schema> | null {
  if (!cursor) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
