import type { z } from "zod";
import { notADateMessage } from "./dates";
import { quoteValue } from "./events";

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), "");
}

function describe(issue: z.core.$ZodIssue, field: string): string {
  const input: unknown = "input" in issue ? issue.input : undefined;
  switch (issue.code) {
    case "invalid_type":
      return input === undefined ? `${field} is missing` : `${field} should be ${issue.expected === "string" ? "text" : `a ${issue.expected}`}, not ${input === null ? "null" : typeof input}`;
    case "invalid_format":
      if (issue.format === "datetime" || issue.format === "date") return notADateMessage(field, typeof input === "string" ? input : String(input));
      return `${field} is blank`;
    case "too_big":
      return typeof input === "string" ? `${field} is ${input.length.toLocaleString("en-US")} characters long; the limit is ${Number(issue.maximum).toLocaleString("en-US")}` : `${field} is too large`;
    case "too_small":
      return `${field} is empty`;
    case "invalid_value":
      return `${field} ${quoteValue(String(input))} is not one of ${issue.values.map((value) => `'${String(value)}'`).join(", ")}`;
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
