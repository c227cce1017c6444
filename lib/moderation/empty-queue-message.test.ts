import { describe, expect, it } from "vitest";
import { emptyQueueMessage } from "./empty-queue-message";

describe("emptyQueueMessage", () => {
  it("says an author filter matches the whole name, capitals aside, naming what was typed", () => {
    const message = emptyQueueMessage({ author: "grumpy" });
    expect(message).toContain("“grumpy”");
    expect(message).toContain("whole name");
    expect(message).toContain("capitals do not matter");
    expect(message).not.toContain("Names that start");
  });

  it("offers the stored names that start with what was typed", () => {
    expect(emptyQueueMessage({ author: "rahul" }, ["Rahul K", "Rahula"])).toContain("Names that start with it: “Rahul K”, “Rahula”.");
  });

  it("says nothing is waiting when no author is filtered", () => {
    expect(emptyQueueMessage({})).toBe("Nothing here. New comments appear as they are imported.");
  });
});
