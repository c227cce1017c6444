import { redactUrlsIn } from "@/lib/security/redact-url";
import { canonicalJson } from "./hash-chain";

// Events that change something (rule edits, role changes) keep `before` and `after` objects in
// their details; the log shows them as a field-by-field diff instead of two JSON blobs.

export type FieldChange = "added" | "removed" | "changed" | "unchanged";

export interface FieldDiff {
  field: string;
  change: FieldChange;
  before?: unknown;
  after?: unknown;
}

export interface DetailsView {
  /** Null when the details hold no before/after pair. */
  diff: FieldDiff[] | null;
  /** Everything else in the details, shown as JSON. */
  rest: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A missing side (a creation or a deletion) counts as an empty object. */
export function diffObjects(before: Record<string, unknown>, after: Record<string, unknown>): FieldDiff[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => {
    const hasBefore = Object.hasOwn(before, field) && before[field] !== undefined;
    const hasAfter = Object.hasOwn(after, field) && after[field] !== undefined;
    if (!hasBefore) return { field, change: "added", after: after[field] };
    if (!hasAfter) return { field, change: "removed", before: before[field] };
    const isSame = canonicalJson(before[field]) === canonicalJson(after[field]);
    return { field, change: isSame ? "unchanged" : "changed", before: before[field], after: after[field] };
  });
}

export function viewDetails(details: unknown): DetailsView {
  if (!isPlainObject(details)) return { diff: null, rest: details === null || details === undefined ? {} : { value: details } };
  const { before, after, ...rest } = details;
  const hasPair = (isPlainObject(before) || before === null) && (isPlainObject(after) || after === null) && (isPlainObject(before) || isPlainObject(after));
  if (!hasPair) return { diff: null, rest: details };
  return { diff: diffObjects(isPlainObject(before) ? before : {}, isPlainObject(after) ? after : {}), rest };
}

/**
 * A value as one cell shows it: text as it is, anything else as JSON. Addresses lose the
 * credentials written into them (events recorded before the log redacted them, lib/security/redact-url.ts).
 */
export function displayValue(value: unknown): string {
  if (value === undefined) return "";
  return redactUrlsIn(typeof value === "string" ? value : JSON.stringify(value, null, 1).replace(/\n\s*/g, " "));
}

/** The details that are not a before/after pair, as the log shows them (JSON, addresses redacted). */
export function displayRest(rest: Record<string, unknown>): string {
  return redactUrlsIn(JSON.stringify(rest, null, 2));
}
