import { describe, expect, it } from "vitest";
import { jsonCommentSchema } from "./schemas";
import { zodIssuesToProblems } from "./zod-problems";

const comment = { id: "1", body: "A comment", postedAt: "2026-01-01T00:00:00Z" };
const problemsOf = (value: unknown) => {
  const parsed = jsonCommentSchema.safeParse(value, { reportInput: true });
  if (parsed.success) throw new Error("expected a problem");
  return zodIssuesToProblems(parsed.error);
};

describe("zodIssuesToProblems", () => {
  it("names a wrong value: text quoted, anything else by its kind", () => {
    expect(problemsOf({ ...comment, status: "deleted" })).toEqual([{ field: "status", message: "status 'deleted' is not one of 'pending', 'approved', 'hidden'" }]);
    expect(problemsOf({ ...comment, status: ["hidden"] })[0]?.message).toBe("status (a list) is not one of 'pending', 'approved', 'hidden'");
  });

  it("describes a list nested 200,000 deep without overflowing the stack (the ingest API answered 500)", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`) as unknown;
    expect(problemsOf({ ...comment, status: deep })).toEqual([{ field: "status", message: "status (a list) is not one of 'pending', 'approved', 'hidden'" }]);
  });
});
