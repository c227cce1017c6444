import type { z } from "zod";
import { notADateMessage } from "./dates";
import { quoteValue } from "./events";

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), "");
}

/**
 * A sent value as a problem shows it: text quoted and cut short, anything else by its kind. Never
 * String() of an array or object: a list nested 200,000 deep (a few hundred KB of JSON) overflowed
 * the stack there, and the ingest API answered 500.
 */
function shownValue(input: unknown): string {
  if (typeof input === "string") return quoteValue(input);
  if (typeof input === "number" || typeof input === "boolean") return quoteValue(String(input));
  if (input === null) return "(null)";
  return Array.isArray(input) ? "(a list)" : `(${typeof input === "object" ? "an object" : typeof input})`;
}

function describe(issue: z.core.$ZodIssue, field: string): string {
  const input: unknown = "input" in issue ? issue.input : undefined;
  switch (issue.code) {
    case "invalid_type":
      return input === undefined ? `${field} is missing` : `${field} should be ${issue.expected === "string" ? "text" : `a ${issue.expected}`}, not ${input === null ? "null" : typeof input}`;
    case "invalid_format":
      if (issue.format === "datetime" || issue.format === "date") return typeof input === "string" ? notADateMessage(field, input) : `${field} ${shownValue(input)} is not a date`;
      return `${field} is blank`;
    case "too_big":
      return typeof input === "string" ? `${field} is ${input.length.toLocaleString("en-US")} characters long; the limit is ${Number(issue.maximum).toLocaleString("en-US")}` : `${field} is too large`;
    case "too_small":
      return `${field} is empty`;
    case "invalid_value":
      return `${field} ${shownValue(input)} is not one of ${issue.values.map((value) => `'${String(value)}'`).join(", ")}`;
    case "invalid_union":
      return typeof input === "string" ? notADateMessage(field, input) : `${field} is not valid`;
    case "unrecognized_keys":
      return `unknown fields: ${issue.keys.join(", ")}`;
    default:
      return `${field || "record"}: ${issue.message}`;
  }
}

/** zod issues rewritten for a newsroom admin: which field, what is wrong with the value. */
export function zodIssuesToProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): { field: string; message: string }[] {
  return error.issues.map((issue) => {
    const field = fieldName([...prefix, ...issue.path]);
    return { field, message: describe(issue, field) };
  });
}
