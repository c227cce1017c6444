import { describe, expect, it } from "vitest";
import { emptyQueueMessage } from "./empty-queue-message";

describe("emptyQueueMessage", () => {
  it("says an author filter matches the whole name exactly, naming what was typed", () => {
    const message = emptyQueueMessage({ author: "grumpy" });
    expect(message).toContain("“grumpy”");
    expect(message).toContain("exactly");
    expect(message).toContain("capitals included");
  });

  it("says nothing is waiting when no author is filtered", () => {
    expect(emptyQueueMessage({})).toBe("Nothing here. New comments appear as they are imported.");
  });
});
