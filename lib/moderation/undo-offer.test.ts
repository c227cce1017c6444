import { describe, expect, it } from "vitest";
import { UNDO_OFFER_BULK_MS, UNDO_OFFER_ONE_MS, undoOfferMs } from "./undo-offer";

describe("how long Undo is offered", () => {
  it("offers a bulk decision's undo far longer than one comment's, within the server's minute", () => {
    expect(undoOfferMs(1)).toBe(UNDO_OFFER_ONE_MS);
    expect(undoOfferMs(2)).toBe(UNDO_OFFER_BULK_MS);
    expect(undoOfferMs(4_000)).toBeGreaterThan(30_000);
    expect(undoOfferMs(4_000)).toBeLessThan(60_000);
  });
});
