import type { z } from "zod";

// A query string's unknown parameter is refused, not ignored: `?articleId=5` to the decisions
// export (the comments API's name for it) ran with no article filter and exported every decision,
// with every moderator's email and every reader's text; `?article=5` to GET /api/v1/comments
// listed every article's comments; `?utcOffset=330` imported a file's times as UTC.

/** The error option of a z.strictObject: an unknown key is named with the keys there are, in words. */
export function unknownKeyError(known: readonly string[], consequence: string): { error: (issue: z.core.$ZodRawIssue) => string | undefined } {
  return {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const keys = (issue as { keys?: string[] }).keys ?? [];
      return `Unknown parameter${keys.length === 1 ? "" : "s"} ${keys.map((key) => `'${key}'`).join(", ")}: the parameters are ${known.join(", ")}. ${consequence}`;
    },
  };
}
