import type { RuleCategory, RuleDefinition, RuleKind } from "@/lib/detect/types";
import * as terms from "./default-pack-terms";
import { defaultClassifierRules } from "./default-pack-classifier";

type PackRule = Omit<RuleDefinition, "id" | "version">;

function rule(
  name: string, category: RuleCategory, kind: RuleKind, config: unknown, severity: number,
  description: string, action: PackRule["action"] = "FLAG",
): PackRule {
  return { name, description, category, kind, config, severity, action, enabled: true };
}

/**
 * The default pack. Names are stable: installs upsert by name. Group words (countries,
 * peoples, religions) never fire alone, only next to hostility, so comments that merely
 * discuss India or Pakistan stay clean. Nothing auto-hides; the worst slurs are held.
 */
export function defaultRulePack(): PackRule[] {
  return [
    rule("abusive-english-insults", "ABUSIVE", "TERMS", { terms: terms.ENGLISH_INSULTS }, 3,
      "English insults and profanity."),
    rule("abusive-urdu-hindi-insults", "ABUSIVE", "TERMS", { terms: terms.URDU_HINDI_INSULTS }, 3,
      "Romanized Urdu/Hindi abuse (chutiya, harami, kutte, kamina...)."),
    rule("abusive-severe", "ABUSIVE", "TERMS", { terms: terms.SEVERE_ABUSE }, 5,
      "The worst abuse and threats; held until a moderator looks.", "HOLD"),
    rule("abusive-personal-insult", "ABUSIVE", "NEAR",
      { a: terms.SECOND_PERSON, b: terms.PERSONAL_INSULTS, within: 3 }, 2,
      "An insult aimed at the reader or another commenter ('you are stupid')."),
    rule("nationalist-group-hostility", "NATIONALIST", "NEAR",
      { a: terms.GROUP_TERMS, b: terms.GROUP_HOSTILITY, within: 4 }, 3,
      "A country, people or religion within 4 words of an insult or dehumanizing word."),
    rule("nationalist-terror-label", "NATIONALIST", "NEAR",
      { a: terms.GROUP_TERMS, b: terms.TERROR_LABELS, within: 3 }, 3,
      "A whole people or state called terrorist (narrow window: news mentions terrorism too)."),
    rule("nationalist-poverty-taunt", "NATIONALIST", "NEAR",
      { a: terms.GROUP_TERMS, b: terms.POVERTY_TAUNTS, within: 4 }, 2,
      "Toilet, beggar and hunger taunts aimed at a country."),
    rule("nationalist-slurs", "NATIONALIST", "TERMS", { terms: terms.NATIONALIST_SLURS }, 3,
      "Slurs for peoples, religions and political camps (porkistan, randia, bhakt, sanghi...)."),
    rule("nationalist-severe-slurs", "NATIONALIST", "TERMS", { terms: terms.SEVERE_SLURS }, 5,
      "Ethnic slurs held until a moderator looks.", "HOLD"),
    rule("spam-shouting", "SPAM", "SHOUTING", { minLetters: 30, minUpperRatio: 0.7 }, 1,
      "Mostly capital letters."),
    rule("spam-links", "SPAM", "LINKS", { maxLinks: 1 }, 2, "More than one link or bare domain."),
    rule("spam-repetition", "SPAM", "REPETITION", { minRepeats: 4, minCharRun: 12 }, 1,
      "The same word or phrase four times in a row, or a 12+ character run."),
    rule("off-topic", "OFF_TOPIC", "OFF_TOPIC", { minWords: 20, maxSimilarity: 0.05 }, 1,
      "20+ content words, at most 5% of them shared with the article or the parent comment (lexical overlap is noisy on short comments, so this stays conservative)."),
  ].concat(defaultClassifierRules());
}
