import { parse } from "csv-parse/sync";
import type { HateCheckCase } from "@/lib/detect/quality/hatecheck";

/**
 * A HateCheck suite's CSV (English: case_id; multilingual: mhc_case_id), columns functionality,
 * test_case and label_gold (hateful | non-hateful). Throws naming the line of a malformed row.
 */
export function parseHateCheckCsv(text: string, fileName: string): HateCheckCase[] {
  const rows = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true }) as { record: Record<string, string>; info: { lines: number } }[];
  return rows.map(({ record, info }) => {
    const id = record.case_id ?? record.mhc_case_id;
    const { functionality, test_case: text, label_gold: gold } = record;
    if (!id || !functionality || text === undefined || (gold !== "hateful" && gold !== "non-hateful")) {
      throw new Error(`${fileName}:${info.lines}: expected case_id or mhc_case_id, functionality, test_case and label_gold hateful|non-hateful`);
    }
    return { id, functionality, text: text.trim(), isHateful: gold === "hateful" };
  });
}
