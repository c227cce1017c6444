// Hindi in Devanagari and Urdu in Arabic script: the same vocabulary the pack has in romanized form
// (default-pack-terms.ts), matched on the ORIGINAL text, because normalization drops vowel signs and
// makes distinct words collide ('हरामी' a bastard and 'हराम' forbidden, 'सूअर' and 'सुर'). Stems
// match at the start of a word; a trailing '|' means the word must end there. Written from general
// vocabulary, not from any thread; checked on TRAC-1's Devanagari comments (docs/rules.md).
// Left out on purpose: words with an ordinary sense ('भक्त' devotee, 'पाकी' purity, 'दिला' to
// remind, 'गद्दार' traitor, which the romanized list also keeps for use near a group word).

const words = (list: string): string[] => list.split(/[,\n]/).map((term) => term.trim()).filter(Boolean);

/** Abuse and the worst abuse, Devanagari. */
export const DEVANAGARI_INSULTS = words(`
  हरामी|, हरामियों|, हरामियो|, हरामज़ाद, हरामजाद, हरामखोर, हरामख़ोर, कमीना|, कमीने|, कमीनी|, कमीनों|,
  कुत्ते|, कुत्ता|, कुत्तों|, कुत्तो|, कुतिया|, सूअर|, सुअर|, सूअरों|, चूतिया|, चुतिया|, चूतिये|, चुतिये|, चूतियों|,
  गांडू|, गाँडू|, गान्डू|, भड़वा|, भड़वे|, भड़वों|, रंडी|, रण्डी|, रंडियों|, भोसड़ी, भोसड़ीके, नालायक|,
  उल्लू का पट्ठा, उल्लू के पट्ठे, डूब मरो, लानत है, देशद्रोही, मादरचोद, बहनचोद, भेनचोद, भैनचोद, तेरी माँ की, तेरी मां की
`);

/** Abuse and the worst abuse, Urdu. */
export const URDU_INSULTS = words(`
  حرامی|, حرامیوں|, حرامزادہ|, حرامزادے|, حرام زادے|, حرام زادہ|, حرام خور|, حرامخور|, کمینہ|, کمینے|, کمینی|, کمینوں|,
  کتے|, کتا|, کتوں|, کتیا|, سور|, سؤر|, چوتیا|, گانڈو|, بھڑوا|, بھڑوے|, رنڈی|, کنجر|, کنجری|,
  بے غیرت|, بےغیرت|, لعنتی|, ڈوب مرو, الو کا پٹھا, الو کے پٹھے, مادر چود, مادرچود, بہن چود, بہنچود
`);

/** Slurs for peoples, religions and camps, state-hatred slogans and expulsion calls, in both scripts. */
export const DEVANAGARI_URDU_SLURS = words(`
  कटुआ|, कटुए|, कटुओं|, कटुवे|, मुल्ले|, मुल्लों|, सुल्ले|, सुल्लों|, संघी|, संघियों|, अंधभक्त, अंध भक्त, आतंकिस्तान, भिखारिस्तान,
  पाकिस्तान मुर्दाबाद, हिंदुस्तान मुर्दाबाद, हिन्दुस्तान मुर्दाबाद, भारत मुर्दाबाद, इंडिया मुर्दाबाद, पाकिस्तान चले जाओ, पाकिस्तान चला जा,
  سنگھی|, پاکستان مردہ باد, ہندوستان مردہ باد, بھارت مردہ باد, انڈیا مردہ باد, پاکستان مردہباد, ہندوستان مردہباد
`);

/** Nukta letters (NFC keeps them as base + nukta): also written precomposed, or without the nukta. */
const PRECOMPOSED: Record<string, string> = { ड: "\u095C", ढ: "\u095D", ज: "\u095B", ख: "\u0959", क: "\u0958", ग: "\u095A", फ: "\u095E" };

const escaped = (text: string) => text.replace(/[.*+?^${}()[\]\\|]/g, "\\$&");

/** One stem as RE2 source: a space matches any run of non-letters, a nukta letter any spelling of it. */
function stemSource(stem: string): string {
  const chars = [...stem.normalize("NFC")];
  let source = "";
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === " ") source += "[^\\p{L}\\p{M}]+";
    else if (chars[i + 1] === "\u093C" && PRECOMPOSED[char] !== undefined) { source += `(?:${char}\u093C?|${PRECOMPOSED[char]})`; i++; }
    else source += escaped(char);
  }
  return source;
}

const NOT_LETTER = "[^\\p{Devanagari}\\p{Arabic}]";

/** A REGEX on the original text: any stem at the start of a word, in either script. */
export function indicScriptRule(stems: readonly string[]) {
  const alternation = stems.map((stem) => (stem.endsWith("|") ? `${stemSource(stem.slice(0, -1))}(?:${NOT_LETTER}|$)` : stemSource(stem))).join("|");
  return {
    pattern: `(?:^|${NOT_LETTER})(?:${alternation})`,
    target: "original",
    // The gate reads normalized text, where vowel signs are gone: a blurred stem still has to be there.
    requires: stems.map((stem) => `${stem.replace(/\|$/, "")}*`),
  };
}
