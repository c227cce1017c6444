// Streams an XML file as simple events through saxes, with the safety rules every XML import needs.
// saxes never expands custom entities or fetches DTDs, but a DOCTYPE that declares entities is still
// refused outright: no legitimate Disqus or WordPress export has one, and it is the shape of the
// billion-laughs and external-entity (file:///etc/passwd) attacks.
import { SaxesParser } from "saxes";
import { readLines, type ImportInput } from "./read-lines";

export type XmlEvent =
  | { kind: "open"; name: string; attributes: Record<string, string>; line: number }
  | { kind: "close"; name: string; line: number }
  | { kind: "text"; text: string }
  | { kind: "bad-bytes"; line: number; message: string }
  /** atEnd: found when the stream ended (unclosed tags of a truncated file). */
  | { kind: "error"; line: number; message: string; atEnd?: boolean }
  | { kind: "refused"; line: number; message: string };

const SEGMENT_BYTES = 1024 * 1024;
const MAX_PROLOG_CHARS = 1024 * 1024;
const MAX_NODE_CHARS = 64 * 1024 * 1024;
const MAX_ERRORS = 50;
// Disqus and WordPress exports nest a handful of elements deep. The parser keeps every open element,
// so 6 MB of `<a><a><a>…` (2 million deep) took 1 GB of memory and a 1 GB upload would end the
// server: past this depth the file is refused, in the middle of the segment being parsed.
const MAX_DEPTH = 100;

/** Thrown from saxes' open-tag handler to stop it inside write(); the refusal is reported instead. */
class TooDeep extends Error {}

export const ENTITY_REFUSAL =
  "the file declares XML entities (<!ENTITY ...>) in a DOCTYPE; this is refused because it can be used to expand the file to gigabytes or read files from the server. Disqus and WordPress exports never contain one";

function doctypeRefusal(doctype: string): string | undefined {
  if (/<!ENTITY/i.test(doctype)) return ENTITY_REFUSAL;
  if (/\b(SYSTEM|PUBLIC)\b/.test(doctype)) return "the file's DOCTYPE points to an external DTD; this is refused for safety. Remove the <!DOCTYPE ...> line";
  return undefined;
}

function saxesMessage(message: string): string {
  // saxes prefixes "line:column: "; the line is reported separately.
  return message.replace(/^\d+:\d+:\s*/, "").replace(/\.$/, "");
}

/** XML events in document order; stops after a refusal or too many well-formedness errors. */
export async function* xmlEvents(input: ImportInput): AsyncGenerator<XmlEvent> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let queue: XmlEvent[] = [];
  let openLine = 1;
  let rootSeen = false;
  let charsBeforeRoot = 0;
  let charsSinceEvent = 0;
  let errorCount = 0;
  let refused: XmlEvent | undefined;

  parser.on("opentagstart", () => {
    openLine = parser.line;
  });
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (++depth > MAX_DEPTH) {
      refused ??= { kind: "refused", line: openLine, message: `elements are nested more than ${MAX_DEPTH} deep; refused (Disqus and WordPress exports nest a few levels)` };
      throw new TooDeep();
    }
    rootSeen = true;
    charsSinceEvent = 0;
    queue.push({ kind: "open", name: tag.name, attributes: { ...tag.attributes }, line: openLine });
  });
  parser.on("closetag", (tag) => {
    depth--;
    charsSinceEvent = 0;
    queue.push({ kind: "close", name: tag.name, line: parser.line });
  });
  parser.on("text", (text) => {
    charsSinceEvent = 0;
    queue.push({ kind: "text", text });
  });
  parser.on("cdata", (text) => {
    charsSinceEvent = 0;
    queue.push({ kind: "text", text });
  });
  parser.on("doctype", (doctype) => {
    const reason = doctypeRefusal(doctype);
    if (reason !== undefined) refused ??= { kind: "refused", line: parser.line, message: reason };
  });
  parser.on("error", (error) => {
    errorCount++;
    if (errorCount <= MAX_ERRORS) queue.push({ kind: "error", line: parser.line, message: saxesMessage(error.message) });
  });

  function feed(text: string, line: number): void {
    if (!rootSeen) {
      charsBeforeRoot += text.length;
      // Checked before saxes sees the text, so a hostile DTD is refused without being buffered whole.
      if (text.includes("<!ENTITY")) refused ??= { kind: "refused", line, message: ENTITY_REFUSAL };
      else if (charsBeforeRoot > MAX_PROLOG_CHARS) refused ??= { kind: "refused", line, message: "no XML root element in the first megabyte of the file; refused" };
      if (refused) return;
    }
    charsSinceEvent += text.length;
    if (charsSinceEvent > MAX_NODE_CHARS) {
      refused ??= { kind: "refused", line, message: `a single XML element's text is larger than ${MAX_NODE_CHARS / 1024 / 1024} MB; refused` };
      return;
    }
    try {
      parser.write(text);
    } catch (error) {
      if (error instanceof TooDeep) return;
      queue.push({ kind: "error", line: parser.line, message: error instanceof Error ? saxesMessage(error.message) : String(error) });
    }
  }

  function* drain(): Generator<XmlEvent> {
    const events = queue;
    queue = [];
    // Everything saxes produced after a refusal is discarded: not one element of a refused file is used.
    if (refused) {
      yield refused;
      return;
    }
    yield* events;
  }

  for await (const read of readLines(input, { longLines: "split", maxLineBytes: SEGMENT_BYTES })) {
    if (!read.ok) yield { kind: "bad-bytes", line: read.number, message: read.message };
    feed(`${read.ok ? read.line : (read.lossy ?? "")}${read.continues ? "" : "\n"}`, read.number);
    yield* drain();
    if (refused) return;
    if (errorCount > MAX_ERRORS) {
      yield { kind: "refused", line: parser.line, message: `more than ${MAX_ERRORS} XML errors; the rest of the file was not read (is it really XML?)` };
      return;
    }
  }
  const beforeClose = queue.length;
  try {
    parser.close();
  } catch (error) {
    queue.push({ kind: "error", line: parser.line, message: error instanceof Error ? saxesMessage(error.message) : String(error) });
  }
  for (const event of queue.slice(beforeClose)) if (event.kind === "error") event.atEnd = true;
  yield* drain();
}
