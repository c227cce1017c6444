import type { JsonShapeLimits } from "@/lib/http/json-shape";

// A server action's input, already decoded by Next (up to 2 MB): shape limits like a route's JSON
// body's (lib/http/json-shape.ts), checked on the value before it is scanned and parsed. 2 MB
// of form fields is 150,000 of them, and the NUL scan and zod then walk every one on the event loop
// every user shares. Iterative, and it stops at the first limit passed.

/** A rule's draft carries up to 20,000 terms (lib/detect/schemas.ts) besides its other lists. */
export const ACTION_INPUT_SHAPE: JsonShapeLimits = { maxValues: 100_000, maxFields: 1_000, maxDepth: 64 };

/** What limit the input passes, in words, or null. */
export function inputShapeProblem(value: unknown, limits: JsonShapeLimits = ACTION_INPUT_SHAPE): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || next.value === null || typeof next.value !== "object") continue;
    if (next.depth >= limits.maxDepth) return `The input nests more than ${limits.maxDepth} levels deep.`;
    const children: unknown[] = next.value instanceof FormData ? [...next.value.values()] : Array.isArray(next.value) ? next.value : Object.values(next.value);
    const isObject = !Array.isArray(next.value);
    if (isObject && children.length > limits.maxFields) return `The input has more than ${limits.maxFields.toLocaleString("en-US")} fields.`;
    values += children.length;
    if (values > limits.maxValues) return `The input holds more than ${limits.maxValues.toLocaleString("en-US")} values.`;
    for (const child of children) if (child !== null && typeof child === "object") stack.push({ value: child, depth: next.depth + 1 });
  }
  return null;
}
