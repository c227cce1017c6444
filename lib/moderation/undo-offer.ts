// How long Undo stays offered after a decision (the toast's button and the u key). Pure: the board
// and its tests share it.

/** One comment: a few seconds, then the toast gets out of the way of the next decision. */
export const UNDO_OFFER_ONE_MS = 8_000;
/**
 * A selection: most of the server's undo window (UNDO_WINDOW_MS, 60 s, lib/moderation/undo-decision.ts),
 * less the time its undos take to arrive. A mistaken bulk hide (the wrong tick on a phone, the wrong
 * reason) is often noticed only once the next card is read, past the eight seconds a single decision
 * gets; then each comment had to be reverted on its own page.
 */
export const UNDO_OFFER_BULK_MS = 45_000;

export function undoOfferMs(decidedCount: number): number {
  return decidedCount > 1 ? UNDO_OFFER_BULK_MS : UNDO_OFFER_ONE_MS;
}
