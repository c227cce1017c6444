// Splits a JSON document that is one article object or an array of them into top-level elements,
// without holding more than one element in memory. Only structure is tracked here; JSON.parse and zod
// judge the content of each element; the one exception is an element's shape (fields per object,
// depth; lib/http/json-shape.ts's limits): an upload is parsed on the web server's event loop, and
// one article of 600,000 fields held it for seconds, so such an article is skipped unparsed.
import { DEFAULT_JSON_SHAPE, shapeLimitPassed } from "@/lib/http/json-shape";

export const MAX_JSON_ELEMENT_CHARS = 64 * 1024 * 1024;

export interface JsonElement {
  text: string;
  /** Line where the element's "{" is. */
  line: number;
  /** Start line of each object in the element's top-level "comments" array, in order. */
  commentLines: number[];
}

export type SplitEvent = { kind: "element"; element: JsonElement } | { kind: "error"; line: number; message: string };

type Mode = "start" | "between" | "element" | "after-single" | "done" | "failed";

const KEY_CAPTURE_LIMIT = 64;

export class JsonTopLevelSplitter {
  private mode: Mode = "start";
  private inArray = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private size = 0;
  private tooBig = false;
  private element: JsonElement = { text: "", line: 0, commentLines: [] };
  private elementCount = 0;
  private keyBuffer = "";
  private lastKeyCandidate = "";
  private currentKey = "";
  private inComments = false;
  /** Fields so far of each open object (-1 for an array), up to the depth limit. */
  private containers: number[] = [];
  private shapeRefusal: { line: number; words: string } | null = null;

  /** True once the structure is broken or closed: nothing after this point can be read. */
  get stopped(): boolean {
    return this.mode === "failed" || this.mode === "done";
  }

  /** Feeds one line (without its line break); returns the elements and errors it completed. */
  push(text: string, line: number): SplitEvent[] {
    const events: SplitEvent[] = [];
    let elementStart = this.mode === "element" ? 0 : -1;
    for (let i = 0; i < text.length && this.mode !== "failed" && this.mode !== "done"; i++) {
      const char = text.charAt(i);
      if (this.mode === "element") {
        if (this.scanElementChar(char, line)) {
          this.append(text.slice(elementStart, i + 1));
          elementStart = -1;
          events.push(this.finishElement());
        }
        continue;
      }
      if (char === " " || char === "\t" || char === "\r" || char === "\uFEFF") continue;
      if (char === "{" && (this.mode === "start" || this.mode === "between")) {
        this.beginElement(line);
        this.scanElementChar(char, line);
        elementStart = i;
      } else if (this.mode === "start" && char === "[") {
        this.inArray = true;
        this.mode = "between";
      } else if (this.mode === "between" && char === ",") continue;
      else if (this.mode === "between" && char === "]") this.mode = "done";
      else {
        events.push(this.fail(line, this.unexpectedMessage(char)));
      }
    }
    if (this.mode === "element" && elementStart !== -1) this.append(`${text.slice(elementStart)}\n`);
    else if (this.mode === "element") this.append("\n");
    return events;
  }

  end(lastLine: number): SplitEvent[] {
    if (this.mode === "element") {
      return [this.fail(this.element.line, `the file ends in the middle of the article that starts on line ${this.element.line} (is the file truncated?)`)];
    }
    if (this.mode === "start") return [this.fail(lastLine, "the file is empty: expected an article object or an array of articles")];
    if (this.mode === "between") return [this.fail(lastLine, "the file ends before the closing ']' of the article list (is the file truncated?)")];
    return [];
  }

  private unexpectedMessage(char: string): string {
    if (this.mode === "start") return `the file must start with '{' (one article) or '[' (a list of articles), found '${char}'`;
    if (this.mode === "after-single") return `unexpected '${char}' after the end of the article object`;
    return `expected an article object ('{') as list element ${this.elementCount + 1}, found '${char}'`;
  }

  private fail(line: number, message: string): SplitEvent {
    this.mode = "failed";
    this.parts = [];
    return { kind: "error", line, message };
  }

  private beginElement(line: number): void {
    this.mode = "element";
    this.element = { text: "", line, commentLines: [] };
    this.parts = [];
    this.size = 0;
    this.tooBig = false;
    this.depth = 0;
    this.currentKey = "";
    this.inComments = false;
    this.containers = [];
    this.shapeRefusal = null;
  }

  private append(piece: string): void {
    if (this.tooBig || this.shapeRefusal) return;
    this.size += piece.length;
    if (this.size > MAX_JSON_ELEMENT_CHARS) {
      this.tooBig = true;
      this.parts = [];
      return;
    }
    this.parts.push(piece);
  }

  private finishElement(): SplitEvent {
    this.elementCount++;
    this.mode = this.inArray ? "between" : "after-single";
    const element = this.element;
    const text = this.parts.join("");
    this.parts = [];
    if (this.shapeRefusal) {
      const { line, words } = this.shapeRefusal;
      return { kind: "error", line, message: `the article starting on line ${element.line} ${words} on line ${line} and was skipped` };
    }
    if (this.tooBig) {
      return { kind: "error", line: element.line, message: `the article starting on line ${element.line} is larger than ${MAX_JSON_ELEMENT_CHARS / 1024 / 1024} MB of JSON and was skipped; split it into several files` };
    }
    return { kind: "element", element: { ...element, text } };
  }

  /** Advances the structural state by one character of an element; true when the element just closed. */
  private scanElementChar(char: string, line: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (char === "\\") this.escaped = true;
      else if (char === '"') {
        this.inString = false;
        if (this.depth === 1) this.lastKeyCandidate = this.keyBuffer;
      } else if (this.depth === 1 && this.keyBuffer.length < KEY_CAPTURE_LIMIT) this.keyBuffer += char;
      return false;
    }
    switch (char) {
      case '"':
        this.inString = true;
        this.keyBuffer = "";
        return false;
      case ":":
        if (this.depth === 1) this.currentKey = this.lastKeyCandidate;
        this.countField(line);
        return false;
      case "{":
      case "[":
        this.depth++;
        if (this.depth <= DEFAULT_JSON_SHAPE.maxDepth) this.containers.push(char === "{" ? 0 : -1);
        else this.refuseShape(line, "maxDepth");
        if (this.depth === 2 && char === "[" && this.currentKey === "comments") this.inComments = true;
        if (this.depth === 3 && char === "{" && this.inComments) this.element.commentLines.push(line);
        return false;
      case "}":
      case "]":
        if (this.depth <= DEFAULT_JSON_SHAPE.maxDepth) this.containers.pop();
        this.depth--;
        if (this.depth === 1) this.inComments = false;
        if (this.depth === 1 && char === "]") this.currentKey = "";
        return this.depth === 0;
      default:
        return false;
    }
  }

  private countField(line: number): void {
    const top = this.containers.length - 1;
    const fields = this.containers[top];
    if (fields === undefined || fields < 0 || this.depth > DEFAULT_JSON_SHAPE.maxDepth) return;
    this.containers[top] = fields + 1;
    if (fields + 1 > DEFAULT_JSON_SHAPE.maxFields) this.refuseShape(line, "maxFields");
  }

  private refuseShape(line: number, limit: "maxFields" | "maxDepth"): void {
    if (this.shapeRefusal) return;
    this.shapeRefusal = { line, words: shapeLimitPassed(limit) };
    this.parts = [];
  }
}
