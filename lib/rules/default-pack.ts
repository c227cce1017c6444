import type { RuleCategory, RuleDefinition, RuleKind } from "@/lib/detect/types";
import * as terms from "./default-pack-terms";
import { defaultClassifierRules } from "./default-pack-classifier";
import * as patterns from "./default-pack-patterns";
import * as sweeping from "./default-pack-sweeping";
import * as indic from "./default-pack-indic";
import * as spam from "./default-pack-spam";
import * as personal from "./default-pack-personal";
import * as tamil from "./default-pack-tamil";

type PackRule = Omit<RuleDefinition, "id" | "version">;

/** A REGEX over normalized text, gated by words every match contains, that stands down after a negation. */
const pattern = (source: string, requires: string[]) =>
  ({ pattern: source, target: "normalized", requires, unlessBefore: patterns.NEGATION_BEFORE });

/** The same for feelings and wishes about a group, that also stand down before what befalls it ('sick of X being blamed'). */
const feelingPattern = (source: string, requires: string[]) => ({ ...pattern(source, requires), unlessAfter: patterns.BEFALLEN_AFTER });

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
    rule("abusive-urdu-hindi-insults", "ABUSIVE", "TERMS", { terms: terms.URDU_HINDI_INSULTS, unlessBefore: patterns.NAME_CALLING_BEFORE }, 3,
      "Romanized Urdu/Hindi abuse (chutiya, harami, kutte, kamina...) and the nicknames that mock a politician (feku, pappu); not when the name is reported or countered ('calling him pappu …')."),
    rule("abusive-severe", "ABUSIVE", "TERMS", { terms: terms.SEVERE_ABUSE }, 5,
      "The worst abuse and threats; held until a moderator looks.", "HOLD"),
    rule("abusive-personal-insult", "ABUSIVE", "NEAR",
      { a: terms.SECOND_PERSON, b: terms.PERSONAL_INSULTS, within: 3 }, 2,
      "An insult aimed at the reader or another commenter ('you are stupid')."),
    rule("abusive-insult-phrase", "ABUSIVE", "REGEX",
      pattern(personal.personalInsultPhrasePattern(), personal.PERSONAL_INSULT_GATE), 2,
      "A person insulted in a phrase ('arrogant stupid man', 'shameless fellow') or put in their place ('teri aukat', 'aukat mein reh'); not after a negation."),
    rule("abusive-killing-call", "ABUSIVE", "REGEX", { pattern: patterns.killingCallPattern(), requires: patterns.GATES.killingCall }, 4,
      "'Should be hanged / shot / killed', whoever it is about: a call for violence outranks an insult."),
    rule("nationalist-violence-call", "NATIONALIST", "REGEX", feelingPattern(patterns.groupViolencePattern(), patterns.GATES.groupViolence), 5,
      "A call to kill, nuke or wipe out a named people or state ('nuke them', 'X should be wiped out', 'in sab ko maar do'); held until a moderator looks.",
      "HOLD"),
    rule("nationalist-expulsion-call", "NATIONALIST", "REGEX", pattern(patterns.expulsionPattern(), patterns.GATES.expulsion), 4,
      "A people told to leave or be sent away ('send them back', 'go back to …', 'pakistan chale jao')."),
    rule("nationalist-go-to-taunt", "NATIONALIST", "REGEX",
      { pattern: patterns.goToTauntPattern(), flags: "i", target: "original", requires: patterns.GATES.goToTaunt }, 3,
      "'Go to Pakistan!' opening a sentence: a critic told to leave for the other country (on the original text, where the sentence start shows)."),
    rule("nationalist-legitimacy-denial", "NATIONALIST", "REGEX", pattern(patterns.legitimacyDenialPattern(), patterns.GATES.legitimacyDenial), 4,
      "A state or people denied the right to exist ('X is not a country', 'X should be broken up', 'murdabad')."),
    rule("nationalist-generalization", "NATIONALIST", "REGEX", feelingPattern(patterns.generalizationPattern(), patterns.GATES.generalization), 3,
      "A whole people, state or religion given a condemning predicate ('X are all terrorists', 'X is a terror state', 'X is the mother of terrorism'); not after a negation, nor before what befalls them ('sick of X being blamed')."),
    rule("nationalist-dehumanizing-phrase", "NATIONALIST", "REGEX", pattern(patterns.dehumanizingPhrasePattern(), patterns.GATES.dehumanizingPhrase), 3,
      "Dehumanizing or insulting phrases about a people, state or religion ('X dogs', 'filthy X', 'nation of beggars', 'terrorist religion')."),
    rule("nationalist-sweeping-conduct", "NATIONALIST", "REGEX", pattern(patterns.sweepingConductPattern(), patterns.GATES.sweepingConduct), 2,
      "A whole people's conduct condemned in one sweep ('X always blame…', 'typical X mentality')."),
    rule("abusive-identity-derogation", "ABUSIVE", "REGEX", feelingPattern(patterns.identityDerogationPattern(), patterns.GATES.identityDerogation), 3,
      "Hate, dehumanizing predicates or threats aimed at women, gay or trans people, Black or disabled people, lower castes or North-East Indians as a whole ('I hate …', '… are vermin', '… ko maar do')."),
    rule("nationalist-member-generalization", "NATIONALIST", "REGEX",
      pattern(sweeping.memberGeneralizationPattern(), sweeping.SWEEPING_GATES.memberGeneralization), 3,
      "A whole people judged through one member ('every X is a thief', 'never trust an X'); not after a negation."),
    rule("nationalist-vermin-comparison", "NATIONALIST", "REGEX",
      pattern(sweeping.verminComparisonPattern(), sweeping.SWEEPING_GATES.verminComparison), 3,
      "A people likened to vermin or beasts ('X breed like rats', 'these people live like animals')."),
    rule("nationalist-religion-contempt", "NATIONALIST", "REGEX",
      pattern(sweeping.religionContemptPattern(), sweeping.SWEEPING_GATES.religionContempt), 3,
      "A religion or its scripture made the cause of violence ('X teaches nothing but hate', 'religion of terror'); not after a negation."),
    rule("nationalist-typical-taunt", "NATIONALIST", "REGEX",
      { pattern: patterns.typicalTauntPattern(), flags: "i", target: "original", requires: patterns.GATES.typicalTaunt }, 2,
      "'Typical Indian!' ending a sentence: a whole people reduced to a stereotype (on the original text, where the sentence end shows)."),
    rule("abusive-group-insult", "ABUSIVE", "REGEX", pattern(patterns.groupInsultPattern(), patterns.GATES.groupInsult), 3,
      "People pointed at and called animals or idiots as a bunch ('these creatures', 'you morons')."),
    rule("nationalist-tamil-slurs", "NATIONALIST", "REGEX", tamil.tamilRule(terms.TAMIL_SLURS), 3,
      "Tamil-script slurs for Pakistan, Muslims and political camps."),
    rule("nationalist-tamil-violence-call", "NATIONALIST", "REGEX", tamil.tamilRule(terms.TAMIL_VIOLENCE_CALLS), 4,
      "Tamil-script calls to destroy, drive out, deport, shoot or hang ('… ஒழிக', '… விரட்ட வேண்டும்'), or to go to Pakistan."),
    rule("abusive-tamil-insults", "ABUSIVE", "REGEX", tamil.tamilRule(terms.TAMIL_INSULTS), 3,
      "Tamil-script insults aimed at people (fool, clown, pig, scoundrel, traitor...)."),
    rule("nationalist-tamil-contempt", "NATIONALIST", "REGEX",
      { pattern: tamil.tamilContemptPattern(), target: "original", requires: tamil.TAMIL_CONTEMPT_GATE }, 3,
      "A people or state called thieves, beggars, cowards, foxes, snakes or dogs in Tamil, within four words in one sentence ('பாகிஸ்தான் ஒரு கள்ளன்')."),
    rule("nationalist-tamil-attack-call", "NATIONALIST", "REGEX",
      { pattern: tamil.tamilAttackCallPattern(), target: "original", requires: tamil.TAMIL_ATTACK_GATE, unlessBefore: tamil.TAMIL_SPORT_BEFORE }, 3,
      "A Tamil call for war or conquest: a state or the enemy as the object of 'must crush / smash / annex' ('சீனாவை நசுக்க வேண்டும்'); not about a team."),
    rule("abusive-tanglish-insults", "ABUSIVE", "TERMS", { terms: tamil.TANGLISH_INSULTS }, 3,
      "Romanized Tamil abuse (loosu, muttal, porukki, thevidiya...)."),
    rule("abusive-devanagari-urdu-insults", "ABUSIVE", "REGEX", indic.indicScriptRule([...indic.DEVANAGARI_INSULTS, ...indic.URDU_INSULTS]), 3,
      "Hindi (Devanagari) and Urdu (Arabic script) abuse: the romanized lists' words in those scripts (harami, kamina, kutte, chutiya, bhadwa...)."),
    rule("nationalist-devanagari-urdu-slurs", "NATIONALIST", "REGEX", indic.indicScriptRule(indic.DEVANAGARI_URDU_SLURS), 3,
      "Hindi (Devanagari) and Urdu (Arabic script) slurs for peoples and camps (katua, mulle, sanghi, andhbhakt), 'X murdabad' and 'go to Pakistan'."),
    rule("nationalist-group-hostility", "NATIONALIST", "NEAR",
      { a: terms.GROUP_TERMS, b: terms.GROUP_HOSTILITY, within: 2, unlessBefore: patterns.NEGATION_BEFORE }, 3,
      "A country, people or religion within 2 words of an insult or dehumanizing word; not after a negation or in reported speech ('he called X rats')."),
    rule("nationalist-terror-label", "NATIONALIST", "NEAR",
      { a: terms.GROUP_TERMS, b: terms.TERROR_LABELS, within: 2, unlessBefore: patterns.NEGATION_BEFORE }, 3,
      "A people, state or religion called a cancer ('terrorist' itself is left to the generalization pattern: news mentions terrorism too)."),
    rule("nationalist-poverty-taunt", "NATIONALIST", "NEAR",
      { a: terms.GROUP_TERMS, b: terms.POVERTY_TAUNTS, within: 4, unlessBefore: patterns.NEGATION_BEFORE_TAUNT }, 2,
      "Toilet, beggar and hunger taunts aimed at a country."),
    rule("nationalist-slurs", "NATIONALIST", "TERMS", { terms: terms.NATIONALIST_SLURS }, 3,
      "Slurs for peoples, religions and political camps (porkistan, randia, bhakt, sanghi...)."),
    rule("nationalist-severe-slurs", "NATIONALIST", "TERMS", { terms: terms.SEVERE_SLURS }, 5,
      "Ethnic slurs held until a moderator looks.", "HOLD"),
    rule("spam-shouting", "SPAM", "SHOUTING", { minLetters: 30, minUpperRatio: 0.7 }, 1,
      "Mostly capital letters."),
    rule("spam-links", "SPAM", "LINKS", { maxLinks: 1 }, 2, "More than one link or bare domain."),
    rule("spam-promotion", "SPAM", "REGEX", { pattern: spam.promotionPattern(), requires: spam.PROMOTION_GATE }, 2,
      "Promotion and scams: 'subscribe to my channel', a number to WhatsApp or call, money from home, love-problem 'specialists'."),
    rule("spam-repetition", "SPAM", "REPETITION", { minRepeats: 5, minCharRun: 20 }, 1,
      "The same word or phrase five times in a row, or a 20+ character run (four 'ha's or a row of dots is chatter, not spam)."),
    rule("off-topic", "OFF_TOPIC", "OFF_TOPIC", { minWords: 25, maxSimilarity: 0.05, minArticleWords: 40 }, 1,
      "25+ content words, at most 5% of them shared with the article or the parent comment. Judged only against an article of 40+ distinct content words (a bare title says too little) written in the comment's own script; lexical overlap is noisy, so this stays conservative and low."),
  ].concat(defaultClassifierRules());
}
