import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastJsonlComment } from "./fast-jsonl-comment";
import { jsonlCommentSchemaFor } from "./schemas";

const MAX_BODY = 40;
const schema = jsonlCommentSchemaFor(MAX_BODY);

const valid = {
  id: "c-1", parentId: "c-0", article: { id: "a-1", title: "Budget day" }, author: "Reader", authorId: "",
  body: "The budget failed again.", postedAt: "2015-07-23T18:43:00.000Z", status: "pending", source: "disqus",
};

// Values of every JSON type, with the edge cases each field cares about.
const anyValue = fc.oneof(
  fc.constantFrom("", " ", "\n\t", "x", "pending", "approved", "hidden", "Pending", "a".repeat(MAX_BODY), "a".repeat(MAX_BODY + 1)),
  fc.constantFrom("2015-07-23T18:43:00Z", "2015-07-23T18:43:00.5+05:00", "2015-02-29T00:00:00Z", "2016-02-29T00:00:00Z", "2015-07-23 18:43:00Z", "2015-07-23T18:43:00", "2015-07-23T24:00:00Z", "2015-07-23t18:43:00z"),
  fc.string({ maxLength: 50 }),
  fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]),
  fc.dictionary(fc.constantFrom("id", "url", "title", "name"), fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);
const fieldNames = fc.constantFrom("id", "parentId", "author", "authorId", "body", "postedAt", "status", "source", "article", "articles", "athor", "__proto__");

describe("fastJsonlComment", () => {
  it("accepts the common valid line as it stands", () => {
    expect(fastJsonlComment(valid, MAX_BODY)).toBe(valid);
    expect(fastJsonlComment({ article: { url: "https://x.pk/a" }, body: "ok", postedAt: "2015-07-23T18:43:00Z" }, MAX_BODY)).not.toBeNull();
  });

  it("leaves every invalid line to zod (and so to zod's messages)", () => {
    const broken: unknown[] = [
      null, [], "text", 7, { ...valid, body: " \n" }, { ...valid, body: "x".repeat(MAX_BODY + 1) }, { ...valid, id: "" },
      { ...valid, postedAt: "2015-02-30T00:00:00Z" }, { ...valid, status: "spam" }, { ...valid, athor: "x" },
      { ...valid, article: {} }, { ...valid, article: { id: "a", name: "b" } }, { ...valid, source: "" }, { ...valid, author: null },
      JSON.parse('{"__proto__": {}, "body": "x", "postedAt": "2015-07-23T18:43:00Z", "article": {"id": "a"}}'),
      Object.fromEntries(Object.entries(valid).filter(([key]) => key !== "postedAt")),
    ];
    for (const value of broken) expect(fastJsonlComment(value, MAX_BODY)).toBeNull();
  });

  it("says yes only where zod says yes, with the very data zod returns", () => {
    let accepted = 0;
    fc.assert(fc.property(fc.dictionary(fieldNames, anyValue, { maxKeys: 9 }), fc.boolean(), (partial, complete) => {
      const value = complete ? { ...valid, ...partial } : partial;
      const fast = fastJsonlComment(value, MAX_BODY);
      const zod = schema.safeParse(value);
      if (fast === null) return;
      accepted++;
      expect(zod.success).toBe(true);
      expect(fast).toEqual(zod.data);
    }), { numRuns: 2000 });
    // The property must have seen acceptances to mean anything.
    expect(accepted).toBeGreaterThan(100);
  });

  it("accepts what zod accepts for the common shape (the fast path is taken)", () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: MAX_BODY }).filter((body) => /\S/.test(body)), fc.date({ min: new Date("1970-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }), (body, date) => {
      const value = { ...valid, body, postedAt: date.toISOString() };
      expect(schema.safeParse(value).success).toBe(true);
      expect(fastJsonlComment(value, MAX_BODY)).toBe(value);
    }), { numRuns: 2000 });
  });
});
