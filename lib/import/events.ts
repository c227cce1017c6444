import type { ParseEvent } from "./types";

export function problemEvent(line: number, message: string, field?: string): ParseEvent {
  return { type: "problem", problem: field === undefined ? { line, message } : { line, field, message } };
}

export function warningEvent(line: number, message: string, field?: string): ParseEvent {
  return { type: "warning", warning: field === undefined ? { line, message } : { line, field, message } };
}

/** Quote a user value inside a message without letting a huge or multi-line value flood it. */
export function quoteValue(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, " ");
  return `'${oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine}'`;
}
