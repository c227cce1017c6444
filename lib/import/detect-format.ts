import type { ImportFormat } from "./types";

export type DetectedFormat = { ok: true; format: ImportFormat } | { ok: false; message: string };

export const SUPPORTED_FORMATS_TEXT =
  "article page text (.txt), JSON (.json), JSON Lines (.jsonl or .ndjson), CSV (.csv), Disqus XML export (.xml) and WordPress WXR export (.xml)";

function sniffXml(head: string): ImportFormat | undefined {
  if (/<disqus[\s>]/.test(head)) return "disqus";
  if (/<rss[\s>]/.test(head) && head.includes("wordpress.org/export")) return "wxr";
  return undefined;
}

function looksLikeJsonLines(head: string): boolean {
  const lines = head.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  // The last line of the peeked head may be cut short, so only complete lines are tried.
  const complete = lines.slice(0, Math.max(1, lines.length - 1));
  return complete.length >= 1 && complete.every((line) => {
    if (!line.startsWith("{")) return false;
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  });
}

function sniffContent(head: string): ImportFormat | undefined {
  const start = head.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("<")) return sniffXml(head);
  if (start.startsWith("[")) return "json";
  if (start.startsWith("{")) return looksLikeJsonLines(start) ? "jsonl" : "json";
  const firstLine = start.split("\n", 1)[0]?.toLowerCase() ?? "";
  if (firstLine.includes("body") && firstLine.includes("posted_at") && firstLine.includes(",")) return "csv";
  if (head.includes("Reader Comments (")) return "article";
  return undefined;
}

/**
 * The import format from the file name, confirmed or completed by the first few KB of content
 * (`head`, see peekHead). XML needs the content: Disqus and WordPress both use .xml.
 */
export function detectFormat(fileName: string, head: string): DetectedFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const byExtension: Partial<Record<string, ImportFormat>> = { jsonl: "jsonl", ndjson: "jsonl", json: "json", csv: "csv", txt: "article" };
  const fromName = extension === undefined ? undefined : byExtension[extension];
  if (fromName !== undefined) return { ok: true, format: fromName };
  if (extension === "xml") {
    const format = sniffXml(head);
    if (format !== undefined) return { ok: true, format };
    return { ok: false, message: `'${fileName}' is XML but neither a Disqus export (a <disqus> root) nor a WordPress export (<rss> with the wordpress.org/export namespace). Supported formats: ${SUPPORTED_FORMATS_TEXT}` };
  }
  const sniffed = sniffContent(head);
  if (sniffed !== undefined) return { ok: true, format: sniffed };
  return { ok: false, message: `Cannot tell what kind of file '${fileName}' is. Supported formats: ${SUPPORTED_FORMATS_TEXT}` };
}
