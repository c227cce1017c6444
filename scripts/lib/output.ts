// What commands print: short lines on stdout, errors as one clear message on stderr (no stack
// trace unless MODDESK_DEBUG is set).
//
// Lines quote what files and readers wrote (an import's rejected rows, author names, audit
// details). A control character in them is an instruction to the operator's terminal: ESC [2K
// erases the line, ESC ]0; retitles the window, ESC ]52; writes the clipboard, ESC ]8; makes a
// link whose text is not its target, a lone CR returns to the line's start to print over it. And
// a bidi override (U+202E) shows `gpj.exe` as `exe.jpg`. So all of these but tab, newline and CRLF
// are printed as visible escapes. Data a command writes (an export, a rule pack) is escaped the
// same way only when it goes to a terminal: into a file or a pipe it stays byte for byte.

import { StringDecoder } from "node:string_decoder";
import { Transform } from "node:stream";

// C0 controls but tab (09) and newline (0A), a CR not starting a CRLF, DEL, the C1 controls (which
// some terminals obey too, U+009B is CSI), and the bidi controls (ALM, LRM, RLM, embeddings,
// overrides, isolates).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** The text with each control character a terminal would act on shown as \u001b and the like. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function say(line: string): void {
  process.stdout.write(`${printable(line)}\n`);
}

/** A line on stderr (progress, warnings, problems of a file): stdout may be the data itself. */
export function warn(line: string): void {
  process.stderr.write(`${printable(line)}\n`);
}

/** Whether what goes to this stream is shown by a terminal (then data is escaped; see above). */
export function isTerminal(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** Data on stdout (JSON, CSV): escaped on a terminal, byte for byte into a pipe or a file. */
export function writeData(text: string): boolean {
  return process.stdout.write(isTerminal(process.stdout) ? printable(text) : text);
}

/**
 * The web server's log on its way to the operator's terminal (npm start): it quotes what others
 * wrote (a connector site's or a classifier endpoint's error text, a failed request's input), so it
 * is escaped like every printed line, split characters included.
 */
export function escapingStream(): Transform {
  const decoder = new StringDecoder("utf8");
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, printable(decoder.write(chunk)));
    },
    flush(done) {
      done(null, printable(decoder.end()));
    },
  });
}

export function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nError: ${printable(message)}\n`);
  if (process.env.MODDESK_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${printable(error.stack)}\n`);
  process.exitCode = 1;
}
