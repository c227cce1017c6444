// A JavaScript string may hold half of a UTF-16 surrogate pair (JSON's "\ud800", or a pair cut in
// two by a slice). PostgreSQL's text columns take it as U+FFFD (the driver encodes it so), but its
// jsonb refuses the "\ud800" that JSON.stringify writes: an audit event, an import's problem summary
// or a webhook payload quoting such text failed its whole transaction (a decision with that note
// was a 500; an import whose rejected line was cut mid-emoji ended FAILED). And a hash computed
// over the string would not match what PostgreSQL gives back.

// With the u flag a pair is one code point; only an unpaired half is in category Cs.
const LONE_SURROGATES = /\p{Cs}/gu;

/**
 * True when the text holds half of a surrogate pair (what jsonb refuses and text columns change).
 * String#isWellFormed is native in Node 20+ and cheaper than the regular expression on every
 * imported comment; ES2023's lib does not declare it yet.
 */
export function hasLoneSurrogate(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** The text with each unpaired surrogate replaced by U+FFFD, as PostgreSQL would store it. */
export function wellFormedText(text: string): string {
  return hasLoneSurrogate(text) ? text.replace(LONE_SURROGATES, "\uFFFD") : text;
}

/** JSON.stringify whose strings are well formed, so that jsonb takes it. */
export function wellFormedJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "string" ? wellFormedText(item) : item));
}

/**
 * Text from another system (a receiver's answer, an error page), made storable: NUL characters
 * left out, half pairs as U+FFFD. A binary or gzip answer holds NULs, and PostgreSQL refused the
 * row that recorded the attempt, so the attempt was never recorded (and, for a webhook, sent again).
 */
export function storableText(text: string): string {
  return wellFormedText(text.includes("\u0000") ? text.replaceAll("\u0000", "") : text);
}
