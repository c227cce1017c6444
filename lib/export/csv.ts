// RFC 4180 CSV that is also safe to open in a spreadsheet.
//
// Spreadsheet safety (OWASP "CSV injection"): a text cell starting with =, +, -, @, tab or carriage
// return, with their full-width forms, or with spaces and line breaks before one of them, may be run
// as a formula by Excel, LibreOffice or Sheets, so it gets a leading single quote.
// Only TEXT cells are neutralized: numeric columns (our ids, always positive integers) are written
// as numbers, and a number such as -3 stays -3, because a real number cannot carry a formula.
// The price is that a comment whose text is "-1+2" is exported as "'-1+2": the quote is visible
// in the cell, which is the documented, accepted cost of the guidance.

// Quoted whenever a cell holds a quote, a line break or any character a spreadsheet may take for the
// list separator: the comma we write, the semicolon of locales whose decimal mark is a comma (Excel
// in de-DE, fr-FR, ...), and tab. Unquoted, `fine;=1+1` splits into two cells there and the second
// one starts a formula; quoted, it stays one text cell in every locale.
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** = + - @ and their full-width forms ＝ ＋ － ＠ (an IME types those; Excel and Sheets take them for = + - @). */
function isFormulaStart(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 0xff1d || code === 0xff0b || code === 0xff0d || code === 0xff20;
}

/** Space, tab, LF, VT, FF, CR, no-break and ideographic space: a spreadsheet trims them off a cell before it looks for a formula. */
function isLeadingSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

/**
 * By char code: this runs for every text cell of a million-row export, and almost every cell
 * starts with a letter, which answers after one comparison. A cell starting with tab or CR is
 * neutralized whatever follows (OWASP's list); after any other leading space only when a formula
 * character follows (" =1+1" ran as a formula in LibreOffice and Sheets, which trim first).
 */
function startsLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  if (isFormulaStart(first) || first === 9 || first === 13) return true;
  if (!isLeadingSpace(first)) return false;
  let index = 1;
  while (index < text.length && isLeadingSpace(text.charCodeAt(index))) index++;
  return index < text.length && isFormulaStart(text.charCodeAt(index));
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
