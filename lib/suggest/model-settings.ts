// When the suggestion model trains. Shared by training, the retrain check and the dashboard.

/** Below this many human decisions the model stays off: its held-out figures would mean nothing. */
export const MIN_DECISIONS = 50;

/** Retrain once this many new decisions were made since the last training. */
export const RETRAIN_EVERY = 100;

/** Held by whoever trains, so two page loads (or a page and the CLI) never train at once. */
export const TRAINING_LOCK = 7_240_310;

/** A model no better than always guessing the commonest decision would only add noise to the queue. */
export function beatsBaseline(model: { heldOutAccuracy: number; baselineAccuracy: number }): boolean {
  return model.heldOutAccuracy > model.baselineAccuracy;
}
