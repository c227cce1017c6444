// The generated comments' vocabulary, shared by the queue bench and the scale bench: the words, a
// Zipf-like table to draw them from, the flag categories and a stable per-row hash in SQL.

export const WORDS = `government budget inflation petrol cricket captain army intelligence report security internet privacy cables
data surveillance court judge election corruption minister water schools hospitals economy exports youth media journalist
karachi lahore islamabad kashmir pakistan india border trade history future policy reform market prices salary fuel power`.split(/\s+/);

// The corpus must look like comments for the search figures to mean anything. The first generator
// picked word k of row g as WORDS[(g*k*7919 + k) % 60]; 7919 = -1 (mod 60), so a body depended on
// g mod 60 only: 60 distinct bodies in a million comments, and with flagged = g % 10 < 3 the text
// decided the flagging, so every search was empty or hit 7-20% of the queue, all flagged or all
// unflagged. Now each (row, position) draws its word by hash from a Zipf-like table (a few words in
// most comments, most words in few), and flagging and category are hashes of their own.
const ZIPF_TABLE_SIZE = 8192;
// Frequency ~ 1/rank^1.5: the commonest word is in nearly every comment, the rarest in about 1%.
const ZIPF_EXPONENT = 1.5;
export const FLAG_CATEGORIES = ["ABUSIVE", "ABUSIVE", "ABUSIVE", "ABUSIVE", "SPAM", "SPAM", "SPAM", "OFF_TOPIC", "OFF_TOPIC", "NATIONALIST"] as const;

/**
 * Indexes into WORDS, each repeated in proportion to 1/rank^s (ranks a fixed shuffle of the list),
 * each at least once. Integers, not the words: Postgres finds element i of an int[] directly but
 * walks a text[] from its start, which made seeding a million comments take minutes.
 */
export function zipfTable(): number[] {
  const harmonic = WORDS.reduce((sum, _word, index) => sum + (index + 1) ** -ZIPF_EXPONENT, 0);
  return WORDS.flatMap((_word, index) => {
    const rank = ((index * 37) % WORDS.length) + 1;
    return Array<number>(Math.max(1, Math.round((ZIPF_TABLE_SIZE * rank ** -ZIPF_EXPONENT) / harmonic))).fill(index);
  });
}

/** A uniform integer in [0, n) for row g and slot k (k < 16): hashint8 is stable across runs. */
export const pick = (slot: number, n: number) => `((hashint8(g::bigint * 16 + ${slot}) & 2147483647) % ${n})`;
