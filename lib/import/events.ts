import type { ParseEvent } from "./types";

export function problemEvent(line: number, message: string, field?: string): ParseEvent {
  return { type: "problem", problem: field === undefined ? { line, message } : { line, field, message } };
}

/** Every problem of one rejected row: each is listed, the row counts once in `rejected`. */
export function* rowProblemEvents(line: number, problems: readonly { field?: string; message: string }[]): Generator<ParseEvent> {
  let isFirst = true;
  for (const { field, message } of problems) {
    const problem = field ? { line, field, message } : { line, message };
    yield isFirst ? { type: "problem", problem } : { type: "problem", problem, sameRow: true };
    isFirst = false;
  }
}

export function warningEvent(line: number, message: string, field?: string): ParseEvent {
  return { type: "warning", warning: field === undefined ? { line, message } : { line, field, message } };
}

/** Quote a user value inside a message without letting a huge or multi-line value flood it. */
export function quoteValue(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, " ");
  if (oneLine.length <= max) return `'${oneLine}'`;
  // Never half an emoji: a cut surrogate pair is broken text (well-formed-text.ts).
  const cut = /[\uD800-\uDBFF]$/.test(oneLine.slice(0, max)) ? max - 1 : max;
  return `'${oneLine.slice(0, cut)}…'`;
}
