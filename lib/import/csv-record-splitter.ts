// Finds where each CSV record starts and ends, line by line, so that one broken quote costs one record.
// csv-parse on its own keeps reading after a broken quote as if the quote were still open and silently
// swallows the following good rows (an unclosed quote swallows the rest of the file), so records are cut
// here and each one is then decoded by csv-parse alone.

export const MAX_CSV_RECORD_LINES = 1_000;
export const MAX_CSV_RECORD_CHARS = 16 * 1024 * 1024;

export interface CsvRecordText {
  text: string;
  line: number;
  /** Lines of this record whose bytes were not valid UTF-8. */
  badLines: number[];
}

export type CsvSplitEvent = { kind: "record"; record: CsvRecordText } | { kind: "error"; line: number; message: string };

interface PendingLine {
  text: string;
  number: number;
  bad: boolean;
}

export class CsvRecordSplitter {
  private pending: PendingLine[] = [];
  private size = 0;
  private inQuotes = false;

  push(text: string, number: number, bad: boolean): CsvSplitEvent[] {
    if (this.pending.length === 0 && text.trim() === "" && !bad) return [];
    this.pending.push({ text, number, bad });
    this.size += text.length;
    this.scan(text);
    if (!this.inQuotes) return [this.flush()];
    if (this.pending.length > MAX_CSV_RECORD_LINES || this.size > MAX_CSV_RECORD_CHARS) return this.abandonOpenQuote();
    return [];
  }

  end(): CsvSplitEvent[] {
    return this.pending.length === 0 ? [] : [...this.abandonOpenQuote(), ...this.end()];
  }

  /** Tracks whether the line leaves a quoted value open (RFC 4180: quotes open only at a value's start). */
  private scan(text: string): void {
    // A continuation line starts inside a quoted value, never at a value's start.
    let atValueStart = !this.inQuotes;
    for (let i = 0; i < text.length; i++) {
      const char = text.charAt(i);
      if (this.inQuotes) {
        if (char !== '"') continue;
        if (text.charAt(i + 1) === '"') i++;
        else this.inQuotes = false;
      } else if (char === '"' && atValueStart) this.inQuotes = true;
      else atValueStart = char === ",";
    }
  }

  private flush(): CsvSplitEvent {
    const record: CsvRecordText = {
      text: this.pending.map((line) => line.text).join("\n"),
      line: this.pending[0]?.number ?? 0,
      badLines: this.pending.filter((line) => line.bad).map((line) => line.number),
    };
    this.reset();
    return { kind: "record", record };
  }

  private reset(): void {
    this.pending = [];
    this.size = 0;
    this.inQuotes = false;
  }

  /** The quote on the record's first line never closes: report that line and re-read the ones after it. */
  private abandonOpenQuote(): CsvSplitEvent[] {
    const [first, ...rest] = this.pending;
    this.reset();
    if (first === undefined) return [];
    const events: CsvSplitEvent[] = [
      { kind: "error", line: first.number, message: `a quote (") opened on line ${first.number} is never closed; the row was skipped` },
    ];
    for (const line of rest) events.push(...this.push(line.text, line.number, line.bad));
    return events;
  }
}
