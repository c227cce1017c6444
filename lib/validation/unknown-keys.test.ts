import { describe, expect, it } from "vitest";
import { exportQuerySchema } from "@/lib/export/schemas";
import { uploadImportQuerySchema } from "@/lib/import/schemas-upload";
import { listCommentsQuerySchema } from "@/lib/moderation/schemas";

// A misnamed filter used to be dropped: the request ran unfiltered (every decision exported, every
// comment listed) or with the wrong meaning (an import's times read as UTC).

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("API query strings refuse an unknown parameter, naming it and the ones there are", () => {
  it("the decisions export: articleId (the comments API's name) or from/to (the queue's) export nothing", () => {
    for (const query of [{ format: "csv", articleId: "5" }, { from: "2026-11-01" }, { moderator_email: "a@example.org" }]) {
      const result = exportQuerySchema.safeParse(query);
      expect(result.success, JSON.stringify(query)).toBe(false);
      expect(firstMessage(result)).toMatch(/^Unknown parameter '.+': the parameters are since, until, tz, article, moderator, after, format, bom\. Nothing was exported\.$/);
    }
    // Every field the Exports page's form sends, empty ones included.
    expect(exportQuerySchema.safeParse({ format: "csv", tz: "Asia/Karachi", since: "", until: "", article: "", moderator: "", bom: "1" }).success).toBe(true);
  });

  it("the comments list: article and state list nothing", () => {
    const result = listCommentsQuerySchema.safeParse({ article: "5", state: "HIDDEN" });
    expect(firstMessage(result)).toBe("Unknown parameters 'article', 'state': the parameters are status, articleId, after, limit. Nothing was listed.");
    expect(listCommentsQuerySchema.parse({ articleId: "5", status: "HIDDEN", limit: "10" })).toEqual({ articleId: 5, status: "HIDDEN", limit: 10 });
  });

  it("an upload: a misspelt offset imports nothing", () => {
    expect(firstMessage(uploadImportQuerySchema.safeParse({ fileName: "a.csv", utcOffset: "330" }))).toMatch(/^Unknown parameter 'utcOffset'.*Nothing was imported\.$/);
    expect(uploadImportQuerySchema.parse({ fileName: "a.csv", utcOffsetMinutes: "330" })).toEqual({ fileName: "a.csv", utcOffsetMinutes: 330 });
  });
});
