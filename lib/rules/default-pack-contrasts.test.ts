import { describe, expect, it } from "vitest";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { defaultRulePack } from "./default-pack";

// Sentences written for this test: the guidelines' "not nationalist" contrasts that share a hostile
// sentence's words (a report of what someone else said, counter-speech, negation), next to the
// same words said in one's own voice, which must still be caught.
const pack = defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER");
const set = compileRules(pack.map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 })));
const nationalist = (body: string) => evaluateComment(set, { body }).filter((flag) => flag.category === "NATIONALIST").map((flag) => flag.ruleName);

describe("reported speech and counter-speech stand down", () => {
  it.each([
    "The minister said Nepalis are parasites and the opposition walked out.",
    "A man was filmed shouting that Tamils should be wiped out; police have charged him.",
    "Calling Sindhis dogs is exactly the hatred this article warns about.",
    "People who call Kashmiris traitors have never been to Srinagar.",
    "The banner read 'death to Iran' and the organisers took it down.",
    "Sri Lankans are not beggars, whatever the trolls say.",
    "Remarks like 'Nepalis are parasites' get you banned here, and rightly so.",
    "If you write that Tamils should be wiped out, expect the police at your door.",
    "Anyone saying Sindhis are dogs has never met one.",
    "Jo log kehte hain ki Nepali kutte hain, unhe sharam aani chahiye.",
  ])("leaves %j alone", (body) => {
    expect(nationalist(body)).toEqual([]);
  });

  it.each([
    "I call them what they are: Nepalis are parasites.",
    "Tamils should be wiped out.",
    "Sindhi dogs, all of them.",
    "Kashmiris are traitors, every last one.",
    "Death to Iran!",
    "Nepali kutte hain, sab ke sab.",
  ])("still flags %j", (body) => {
    expect(nationalist(body)).not.toEqual([]);
  });
});

describe("contempt felt and harm wished on a people", () => {
  it.each([
    "Honestly I have nothing but contempt for Nepalis.",
    "Sick and tired of Tamils everywhere I go.",
    "Sindhis are a totally despicable lot.",
    "Kashmiris are so vile, every one of them.",
    "Honestly I'd like to see Nepalis suffer for what they did.",
    "I hope the Tamils get shot, all of them.",
    "Frankly we must just hang those Sindhis one by one.",
    "Kashmiris like you should all die, frankly.",
    "I am sick of Kashmiris, they ruin every debate.",
    "Disgusted by Sindhis being so arrogant about everything.",
    "I hope Nepalis suffer more than they ever did.",
  ])("flags %j", (body) => {
    expect(nationalist(body)).not.toEqual([]);
  });

  it.each([
    "Your contempt for Nepalis says more about you than about them.",
    "The hatred for Tamils in that speech was shocking.",
    "Threatening to hang Sindhis should land anyone in jail.",
    "Kashmiris are very hospitable, we stayed a week.",
    // What befalls a people, after the same feeling or wish: the people are the ones wronged.
    "I am sick of Kashmiris being blamed for every attack in the valley.",
    "Sick and tired of Nepalis being denied visas at the border.",
    "Honestly disgusted by Tamils getting attacked on trains every week.",
    "I hate Sindhis being unfairly treated as suspects at every checkpoint.",
    "I hope Sri Lankans will suffer less once the new loan comes through.",
    "We pray Afghans suffer no more after this winter.",
  ])("leaves %j alone", (body) => {
    expect(nationalist(body)).toEqual([]);
  });
});

describe("a strike called down on a state or its cities", () => {
  it.each([
    "Time to raze Kabul, nothing else works.",
    "Just carpet bomb Tehran and be done.",
    "Drop a few nukes on Dhaka, who would miss it?",
    "Turn Beijing into a parking lot.",
  ])("flags %j", (body) => {
    expect(nationalist(body)).not.toEqual([]);
  });

  it.each([
    "Australia will flatten Bangladesh in the series, the bowlers are on fire.",
    "Rebels bomb Kabul market, dozens killed, the agency reports.",
    "Drop the bombshell on Delhi's selectors: he is retiring.",
  ])("leaves %j alone", (body) => {
    expect(nationalist(body)).toEqual([]);
  });
});
