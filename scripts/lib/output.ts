// What commands print: short lines on stdout, errors as one clear message on stderr (no stack
// trace unless MODDESK_DEBUG is set).

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nError: ${message}\n`);
  if (process.env.MODDESK_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
