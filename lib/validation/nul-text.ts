// PostgreSQL text cannot hold U+0000: a NUL in any string of an input is not "odd text" to the
// database but an error, which reached the user as a 500 (a decision's note, a comment note, a rule
// name). Inputs are refused before they reach it, naming the field. The same for half a UTF-16
// surrogate pair ("\ud800" in JSON): jsonb refuses it (a rule's terms, a connector's settings, the
// audit event of any change), and text columns would store something else (U+FFFD).

import { hasLoneSurrogate } from "./well-formed-text";

const MAX_DEPTH = 64;

function firstTextPath(value: unknown, isBad: (text: string) => boolean, path: string[]): string | null {
  if (typeof value === "string") return isBad(value) ? path.join(".") || "(input)" : null;
  if (value === null || typeof value !== "object" || path.length >= MAX_DEPTH) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : value instanceof FormData ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    const found = firstTextPath(key, isBad, [...path, key]) ?? firstTextPath(item, isBad, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** The path ("note", "items.3.reason") of the first string holding a NUL, or null when there is none. */
export function nulTextPath(value: unknown, path: string[] = []): string | null {
  return firstTextPath(value, (text) => text.includes("\u0000"), path);
}

export function nulTextMessage(path: string): string {
  return `${path} holds a NUL character (U+0000), which cannot be stored: remove it.`;
}

/** The first string of an input that cannot be stored as it is (a NUL, half a surrogate pair), named, or null. */
export function unstorableText(value: unknown): { path: string; message: string } | null {
  const nulPath = nulTextPath(value);
  if (nulPath !== null) return { path: nulPath, message: nulTextMessage(nulPath) };
  const brokenPath = firstTextPath(value, hasLoneSurrogate, []);
  if (brokenPath === null) return null;
  return { path: brokenPath, message: `${brokenPath} holds half of a UTF-16 surrogate pair (broken text, such as "\\ud800" in JSON), which cannot be stored: remove it.` };
}
