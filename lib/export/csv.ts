// RFC 4180 CSV that is also safe to open in a spreadsheet.
//
// Spreadsheet safety (OWASP "CSV injection"): a text cell starting with =, +, -, @, tab or carriage
// return may be run as a formula by Excel, LibreOffice or Sheets, so it gets a leading single quote.
// Only TEXT cells are neutralized: numeric columns (our ids, always positive integers) are written
// as numbers, and a number such as -3 stays -3, because a real number cannot carry a formula.
// The price is that a comment whose text is "-1+2" is exported as "'-1+2": the quote is visible
// in the cell, which is the documented, accepted cost of the guidance.

// Quoted whenever a cell holds a quote, a line break or any character a spreadsheet may take for the
// list separator: the comma we write, the semicolon of locales whose decimal mark is a comma (Excel
// in de-DE, fr-FR, ...), and tab. Unquoted, `fine;=1+1` splits into two cells there and the second
// one starts a formula; quoted, it stays one text cell in every locale.
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** = + - @ tab CR, by char code: this runs for every text cell of a million-row export. */
function startsLikeFormula(text: string): boolean {
  const code = text.charCodeAt(0);
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

export const CSV_ROW_END = "\r\n";
/** U+FEFF as the first character: Excel then reads the file as UTF-8 instead of the ANSI code page. */
export const UTF8_BOM = "\uFEFF";

/** Prefixes a single quote to text a spreadsheet would take for a formula. */
export function neutralizeCell(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** One field: null → empty; numbers as they are; text neutralized, then quoted when it must be. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = neutralizeCell(value);
  if (!NEEDS_QUOTES.test(safe)) return safe;
  return `"${safe.includes('"') ? safe.replaceAll('"', '""') : safe}"`;
}

/** One record's fields, comma-separated, without the line end. */
export function csvRecord(values: readonly (string | number | null | undefined)[]): string {
  let line = values.length > 0 ? csvField(values[0]) : "";
  for (let index = 1; index < values.length; index++) line += "," + csvField(values[index]);
  return line;
}

/** One record, ending with CRLF. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return csvRecord(values) + CSV_ROW_END;
}
