import { AppError } from "@/lib/errors";
import { detectFormat } from "./detect-format";
import { peekHead } from "./peek-head";
import type { ImportInput } from "./read-lines";
import type { ImportFormat } from "./types";

/** The format named by the caller, or sniffed from the name and first bytes, and the whole input again. */
export async function openImportInput(input: ImportInput, fileName: string, format?: ImportFormat): Promise<{ format: ImportFormat; input: ImportInput }> {
  const peeked = await peekHead(input);
  if (format) return { format, input: peeked.input };
  const detected = detectFormat(fileName, peeked.head);
  if (!detected.ok) throw new AppError("INVALID", detected.message);
  return { format: detected.format, input: peeked.input };
}
