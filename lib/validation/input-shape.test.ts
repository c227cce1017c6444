import { describe, expect, it } from "vitest";
import { inputShapeProblem } from "./input-shape";

const limits = { maxValues: 10, maxFields: 3, maxDepth: 3 };

describe("inputShapeProblem", () => {
  it("passes what actions take, a rule of 20,000 terms and its exceptions included", () => {
    expect(inputShapeProblem({ commentId: 3, note: "x", items: [{ commentId: 1 }, { commentId: 2 }] })).toBeNull();
    const terms = Array.from({ length: 20_000 }, (_, index) => `term${index}`);
    expect(inputShapeProblem({ draft: { name: "big", config: { terms, unless: terms } } })).toBeNull();
    expect(inputShapeProblem("text")).toBeNull();
  });

  it("refuses too many fields, values or levels", () => {
    expect(inputShapeProblem({ a: 1, b: 2, c: 3, d: 4 }, limits)).toMatch(/more than 3 fields/);
    expect(inputShapeProblem([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], limits)).toMatch(/more than 10 values/);
    expect(inputShapeProblem([[[[1]]]], limits)).toMatch(/more than 3 levels/);
    expect(inputShapeProblem([[[1]]], limits)).toBeNull();
  });

  it("counts a form's entries as fields", () => {
    const form = new FormData();
    for (let index = 0; index < 4; index++) form.append(`f${index}`, "x");
    expect(inputShapeProblem(form, limits)).toMatch(/more than 3 fields/);
  });

  it("refuses 150,000 form fields (2 MB, the server actions' limit) on the defaults", () => {
    const fields = Object.fromEntries(Array.from({ length: 150_000 }, (_, index) => [`k${index}`, 1]));
    expect(inputShapeProblem(fields)).toMatch(/more than 1,000 fields/);
  });
});
