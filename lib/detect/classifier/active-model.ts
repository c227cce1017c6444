import type { LinearModel } from "./linear-model";
import { shippedModel } from "./shipped-model";

// The model CLASSIFIER rules and suggestions score with: the shipped base model until the desk's
// decisions have adapted it (lib/suggest installs the adapted one when it loads or retrains).
let adapted: LinearModel | null = null;

export function activeModel(): LinearModel {
  return adapted ?? shippedModel();
}

/** Installs the model adapted from the desk's decisions; null goes back to the shipped one. */
export function setAdaptedModel(model: LinearModel | null): void {
  adapted = model;
}

export function hasAdaptedModel(): boolean {
  return adapted !== null;
}
