import { describe, expect, it } from "vitest";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { defaultRulePack } from "./default-pack";

// Sentences written for this test: insults at a person in phrases and romanized Urdu/Hindi, the
// nicknames that mock a politician, slurs for peoples, and the look-alike sentences that are not abuse.
const pack = defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER");
const set = compileRules(pack.map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 })));
const categoriesOf = (body: string) => [...new Set(evaluateComment(set, { body }).map((flag) => flag.category))];
const rulesOf = (body: string) => evaluateComment(set, { body }).map((flag) => flag.ruleName);

describe("abusive-insult-phrase", () => {
  it.each([
    "Our captain is a shameless arrogant man who never admits a mistake.",
    "That senile old man should not be anywhere near a microphone.",
    "What a spineless fellow, he changed sides twice in a year.",
    "Teri aukat kya hai yahan bolne ki?",
    "Apni aukat mein reh, bhai.",
    "Usko uski aukat dikha di aaj.",
  ])("flags %j", (body) => {
    expect(rulesOf(body)).toContain("abusive-insult-phrase");
  });

  it.each([
    "It was a stupid decision by the umpire, not his fault.",
    "The useless pitch made the match a draw by lunch.",
    "He is not a stupid man, he just got this one wrong.",
    "Aukat ki baat mat karo, sab barabar hain.",
  ])("leaves %j alone", (body) => {
    expect(rulesOf(body)).not.toContain("abusive-insult-phrase");
  });
});

describe("romanized Urdu/Hindi insults and political nicknames", () => {
  it.each([
    "Jahil aadmi, pehle parh to le.",
    "Abey gadhe, score dekh pehle.",
    "Feku ne phir se jhoot bola.",
    "Pappu ko kuch samajh nahi aata.",
    "I call him pappu because he earned it.",
    "Stop calling me, you harami.",
  ])("flags %j as abusive", (body) => {
    expect(categoriesOf(body)).toContain("ABUSIVE");
  });

  // A nickname reported or countered is no insult, as for the group rules ('calling X dogs is …').
  it.each([
    "Calling him pappu does not win arguments, his voting record might.",
    "Stop calling the finance minister feku and read the budget.",
    "My nephew was called gadha at school and cried for a week.",
  ])("leaves %j alone", (body) => {
    expect(rulesOf(body)).not.toContain("abusive-urdu-hindi-insults");
  });
});

describe("slurs for peoples", () => {
  it.each([
    "Pigistan will beg again next month.",
    "Street shitters talking about cleanliness, lol.",
    "Go poo in loo first.",
    "Typical katmullas, always crying.",
    "The hindoos will never understand.",
  ])("flags %j as nationalist", (body) => {
    expect(categoriesOf(body)).toContain("NATIONALIST");
  });

  it.each([
    "The old maps spell it Hindoostan.",
    "Hindus and Muslims played together in the street.",
  ])("leaves %j alone", (body) => {
    expect(categoriesOf(body)).toEqual([]);
  });
});

describe("Tamil insults at a person", () => {
  it.each([
    "இந்த கழிசடை எழுதியதை யாரும் படிக்க வேண்டாம்.",
    "நீ ஒரு தறுதலை.",
    "கூமுட்டை மாதிரி பேசாதே.",
    "வெட்கங்கெட்ட அரசியல்வாதி.",
    "நன்றிகெட்டவன் இவன்.",
  ])("flags %j as abusive", (body) => {
    expect(categoriesOf(body)).toContain("ABUSIVE");
  });

  it("leaves a plain Tamil sentence alone", () => {
    expect(categoriesOf("இன்று சென்னையில் மழை பெய்தது, போட்டி தள்ளிவைக்கப்பட்டது.")).toEqual([]);
  });
});
