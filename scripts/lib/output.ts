// What commands print: short lines on stdout, errors as one clear message on stderr (no stack
// trace unless MODDESK_DEBUG is set).
//
// Lines quote what files and readers wrote (an import's rejected rows, author names, audit
// details). A control character in them is an instruction to the operator's terminal: ESC [2K
// erases the line, ESC ]0; retitles the window, ESC ]52; writes the clipboard in several
// terminals. So control characters other than tab and newline are printed as visible escapes.

// C0 controls but tab (09) and newline (0A), DEL, and the C1 controls (which some terminals obey too).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text with each control character a terminal would act on shown as \u001b and the like. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function say(line: string): void {
  process.stdout.write(`${printable(line)}\n`);
}

export function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nError: ${printable(message)}\n`);
  if (process.env.MODDESK_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
