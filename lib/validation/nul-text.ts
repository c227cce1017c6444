// PostgreSQL text cannot hold U+0000: a NUL in any string of an input is not "odd text" to the
// database but an error, which reached the user as a 500 (a decision's note, a comment note, a rule
// name). Inputs are refused before they reach it, naming the field.

const MAX_DEPTH = 64;

/** The path ("note", "items.3.reason") of the first string holding a NUL, or null when there is none. */
export function nulTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "(input)" : null;
  if (value === null || typeof value !== "object" || path.length >= MAX_DEPTH) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : value instanceof FormData ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    const found = nulTextPath(key, [...path, key]) ?? nulTextPath(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

export function nulTextMessage(path: string): string {
  return `${path} holds a NUL character (U+0000), which cannot be stored: remove it.`;
}
