// The shape of a JSON body, measured on its bytes before JSON.parse. A body under the byte limit
// can still cost seconds of the one event loop every user shares: 8 MB of `{"k0":1,"k1":1,…}` is
// an object of 600,000 fields, which V8 parses slowly (a dictionary object), which the route then
// copies and walks; a moderator's or a token's request held every other request (the health probe
// included) for 4 to 12 seconds. No body Moddesk takes has an object of more than a few dozen
// fields or nests deeper than a handful of levels; only the ingest API carries many values.
// Pure and linear, one pass over the bytes, no allocation per value.

export interface JsonShapeLimits {
  /** Values of any kind (array items, object fields), counted as separators and openings. */
  maxValues: number;
  /** Fields of any one object. */
  maxFields: number;
  /** Arrays and objects open at once. */
  maxDepth: number;
}

export const DEFAULT_JSON_SHAPE: JsonShapeLimits = { maxValues: 20_000, maxFields: 1_000, maxDepth: 64 };

export type JsonShapeVerdict = { ok: true } | { ok: false; limit: keyof JsonShapeLimits; message: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** Whether the body stays within the limits; malformed JSON passes (JSON.parse then says what is wrong). */
export function checkJsonShape(bytes: Uint8Array, limits: JsonShapeLimits = DEFAULT_JSON_SHAPE): JsonShapeVerdict {
  // Fields so far of each open container (-1 for an array), innermost last.
  const fields: number[] = [];
  let values = 0;
  let isInString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (isInString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) isInString = false;
      continue;
    }
    if (byte === QUOTE) {
      isInString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      values++;
      fields.push(byte === OPEN_OBJECT ? 0 : -1);
      if (fields.length > limits.maxDepth) return refused("maxDepth", `The JSON body nests arrays and objects more than ${limits.maxDepth} deep (at byte ${index.toLocaleString("en-US")}).`);
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      fields.pop();
    } else if (byte === COMMA) {
      values++;
    } else if (byte === COLON) {
      const top = fields.length - 1;
      const count = (fields[top] ?? -1) + 1;
      if (count > 0) {
        fields[top] = count;
        if (count > limits.maxFields) return refused("maxFields", `An object in the JSON body has more than ${limits.maxFields.toLocaleString("en-US")} fields (field ${count.toLocaleString("en-US")} at byte ${index.toLocaleString("en-US")}).`);
      }
    } else {
      continue;
    }
    if (values > limits.maxValues) return refused("maxValues", `The JSON body holds more than ${limits.maxValues.toLocaleString("en-US")} values; nothing of it was used. Send it in several requests.`);
  }
  return { ok: true };
}

/** What a text past a limit does, for a message that names the text first ("line 4 has an object of ..."). */
export function shapeLimitPassed(limit: keyof JsonShapeLimits, limits: JsonShapeLimits = DEFAULT_JSON_SHAPE): string {
  if (limit === "maxFields") return `has an object of more than ${limits.maxFields.toLocaleString("en-US")} fields`;
  if (limit === "maxDepth") return `nests arrays and objects more than ${limits.maxDepth} deep`;
  return `holds more than ${limits.maxValues.toLocaleString("en-US")} values`;
}

function refused(limit: keyof JsonShapeLimits, message: string): JsonShapeVerdict {
  return { ok: false, limit, message };
}
