import { describe, expect, it } from "vitest";
import { queuePlaceKey, restoredFocus } from "./queue-place";

describe("the queue page's remembered place", () => {
  it("is kept per page address", () => {
    expect(queuePlaceKey("/queue?tab=flagged&after=abc")).toBe("moddesk:queue-place:/queue?tab=flagged&after=abc");
  });
  it("focuses the remembered comment while the page lists it", () => {
    expect(restoredFocus([11, 12, 13], "13")).toBe(2);
    expect(restoredFocus([11, 12, 13], "14")).toBeNull();
    expect(restoredFocus([11, 12, 13], null)).toBeNull();
    expect(restoredFocus([11, 12, 13], "12abc")).toBeNull();
    expect(restoredFocus([], "12")).toBeNull();
  });
});
