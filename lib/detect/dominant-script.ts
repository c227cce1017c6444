// Which writing system a text is mostly in. Lexical overlap between a Tamil comment and an
// English article is zero whatever the comment says, so the off-topic rule only compares texts
// written in the same script (otherwise it flags text merely for being in another script).

const SCRIPTS: readonly [name: string, letters: RegExp][] = [
  ["latin", /\p{Script=Latin}/gu],
  ["tamil", /\p{Script=Tamil}/gu],
  ["devanagari", /\p{Script=Devanagari}/gu],
  ["arabic", /\p{Script=Arabic}/gu],
  ["bengali", /\p{Script=Bengali}/gu],
];
const SAMPLE = 2000;

/** The script of most letters in the first 2,000 characters; 'other' when none of the known ones. */
export function dominantScript(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let best = "other";
  let bestCount = 0;
  for (const [name, letters] of SCRIPTS) {
    const count = sample.match(letters)?.length ?? 0;
    if (count > bestCount) { best = name; bestCount = count; }
  }
  return best;
}
