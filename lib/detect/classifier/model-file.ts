import { z } from "zod";
import { MODEL_HEADS, type LinearModel } from "./linear-model";

// The weights file: feature config plus, per head, a bias and int16-quantized weights in base64
// (one scale per head). Hashed buckets only: the file cannot hold a word of the training text.

const headFileSchema = z.strictObject({
  category: z.enum(MODEL_HEADS),
  bias: z.number(),
  /** weight = int16 × scale. */
  scale: z.number().positive(),
  weights: z.string(),
  /** Per-script logit offsets (script-calibration.ts); only ever lower a score. */
  scriptOffsets: z.record(z.string(), z.number().max(0)).optional(),
});

export const modelFileSchema = z.strictObject({
  format: z.literal(1),
  features: z.strictObject({
    hashBits: z.number().int().min(8).max(24),
    words: z.boolean(),
    bigrams: z.boolean(),
    charMin: z.number().int().min(0).max(8),
    charMax: z.number().int().min(0).max(8),
  }),
  heads: z.array(headFileSchema).min(1),
  /** Free-form provenance: which data trained it, when, with which settings. */
  about: z.record(z.string(), z.unknown()).optional(),
});
export type ModelFile = z.infer<typeof modelFileSchema>;

const INT16_MAX = 32767;

export function encodeModel(model: LinearModel, about?: Record<string, unknown>): ModelFile {
  return {
    format: 1,
    features: { ...model.features },
    heads: model.heads.map((head) => {
      let maxAbs = 0;
      for (const weight of head.weights) maxAbs = Math.max(maxAbs, Math.abs(weight));
      const scale = maxAbs > 0 ? maxAbs / INT16_MAX : 1;
      const quantized = new Int16Array(head.weights.length);
      for (let i = 0; i < quantized.length; i++) quantized[i] = Math.round(head.weights[i]! / scale);
      const offsets = head.scriptOffsets && Object.keys(head.scriptOffsets).length > 0 ? { scriptOffsets: { ...head.scriptOffsets } } : {};
      return { category: head.category, bias: round(head.bias), scale, weights: toBase64(new Uint8Array(quantized.buffer)), ...offsets };
    }),
    ...(about ? { about } : {}),
  };
}

export function decodeModel(file: unknown): LinearModel {
  const parsed = modelFileSchema.parse(file);
  const size = 1 << parsed.features.hashBits;
  return {
    features: parsed.features,
    heads: parsed.heads.map((head) => {
      const bytes = fromBase64(head.weights);
      if (bytes.length !== size * 2) throw new Error(`model head ${head.category}: expected ${size * 2} weight bytes, got ${bytes.length}`);
      // Little-endian on every platform this runs on; read explicitly anyway so the file is portable.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      const weights = new Float32Array(size);
      for (let i = 0; i < size; i++) weights[i] = view.getInt16(i * 2, true) * head.scale;
      return { category: head.category, bias: head.bias, weights, ...(head.scriptOffsets ? { scriptOffsets: head.scriptOffsets } : {}) };
    }),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

// Hand-rolled so the same code runs in Node, the browser and tests (no Buffer, no atob differences).
function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : "=";
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const digit = LOOKUP[clean.charCodeAt(i)] ?? -1;
    if (digit < 0) throw new Error(`model weights: invalid base64 at character ${i}`);
    value = ((value << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out;
}
