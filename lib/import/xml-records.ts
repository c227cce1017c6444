// Groups the XML event stream into records (a Disqus <post>, a WordPress <item> or <wp:comment>), keeping
// only the child fields a parser asked for, so data the import must not keep (emails, IPs) is never stored.
import { xmlEvents } from "./xml-events";
import type { ImportInput } from "./read-lines";

export interface XmlRecordSpec {
  /** Full element path from the root, e.g. ["disqus", "post"]. */
  path: readonly string[];
  /** Child paths relative to the record ("message", "author/name") whose text is kept; "" for its own text. */
  fields: readonly string[];
  /** Child paths whose attributes are kept ("thread", "parent"); the record's own are always kept. */
  attributesOf?: readonly string[];
}

export interface XmlRecord {
  name: string;
  line: number;
  endLine: number;
  fields: Map<string, string>;
  /** Attributes by relative path; "" is the record element itself. */
  attributes: Map<string, Record<string, string>>;
  /** First line inside the record whose bytes were not valid UTF-8. */
  badLine?: number;
}

export type XmlRecordEvent =
  | { kind: "start"; record: XmlRecord }
  | { kind: "end"; record: XmlRecord }
  | { kind: "unclosed"; record: XmlRecord }
  | { kind: "problem"; line: number; message: string }
  | { kind: "refused"; line: number; message: string }
  | { kind: "root"; name: string };

interface OpenRecord {
  record: XmlRecord;
  depth: number;
  spec: XmlRecordSpec;
}

function samePath(stack: readonly string[], path: readonly string[]): boolean {
  return stack.length === path.length && stack.every((name, i) => name === path[i]);
}

export async function* xmlRecords(input: ImportInput, specs: readonly XmlRecordSpec[]): AsyncGenerator<XmlRecordEvent> {
  const stack: string[] = [];
  const open: OpenRecord[] = [];
  let lastBadLine = -1;

  for await (const event of xmlEvents(input)) {
    switch (event.kind) {
      case "open": {
        stack.push(event.name);
        if (stack.length === 1) yield { kind: "root", name: event.name };
        const spec = specs.find((candidate) => samePath(stack, candidate.path));
        if (spec) {
          const record: XmlRecord = { name: event.name, line: event.line, endLine: event.line, fields: new Map(), attributes: new Map([["", event.attributes]]) };
          if (event.line === lastBadLine) record.badLine = lastBadLine;
          open.push({ record, depth: stack.length, spec });
          yield { kind: "start", record };
          break;
        }
        const current = open.at(-1);
        if (current && current.spec.attributesOf?.length) {
          const relative = stack.slice(current.depth).join("/");
          if (current.spec.attributesOf.includes(relative)) current.record.attributes.set(relative, event.attributes);
        }
        break;
      }
      case "text": {
        const current = open.at(-1);
        // Field "" is the record element's own text (a channel's <link>).
        if (!current || stack.length < current.depth) break;
        const relative = stack.slice(current.depth).join("/");
        if (!current.spec.fields.includes(relative)) break;
        current.record.fields.set(relative, (current.record.fields.get(relative) ?? "") + event.text);
        break;
      }
      case "close": {
        const current = open.at(-1);
        if (current && stack.length === current.depth) {
          open.pop();
          current.record.endLine = event.line;
          if (event.line === lastBadLine) current.record.badLine ??= lastBadLine;
          yield { kind: "end", record: current.record };
        }
        stack.pop();
        break;
      }
      case "bad-bytes": {
        lastBadLine = event.line;
        // The innermost record owns the line and reports it when it ends; outside records it is reported here.
        const current = open.at(-1);
        if (current) current.record.badLine ??= event.line;
        else yield { kind: "problem", line: event.line, message: event.message };
        break;
      }
      case "error":
        // Unclosed tags at the end are explained by the "unclosed" record events below.
        if (!(event.atEnd && open.length > 0)) yield { kind: "problem", line: event.line, message: `XML error: ${event.message}` };
        break;
      case "refused":
        yield { kind: "refused", line: event.line, message: event.message };
        return;
    }
  }
  // Records still open at the end of the stream: the file was cut short.
  for (const { record } of open) yield { kind: "unclosed", record };
}
