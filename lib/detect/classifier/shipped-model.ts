import baseModelFile from "./base-model.json" with { type: "json" };
import { decodeModel } from "./model-file";
import type { LinearModel } from "./linear-model";

let decoded: LinearModel | null = null;

/** The base model trained by `npm run model:train-base`, decoded once on first use. */
export function shippedModel(): LinearModel {
  decoded ??= decodeModel(baseModelFile);
  return decoded;
}
